// -- public/js/include/dataset.js, written in here by the site build: how the app's own pages
// (boot.js) and another site's page (mount.js) fetch the dataset, in one copy. Uses N, the
// names the Rust code shares.

// `promise`, or `late` once it has taken longer than the app's own limit for a download.
const within = (promise, late) => Promise.race([
  promise,
  new Promise((resolve) => setTimeout(() => resolve(late), N.fetchTimeoutMs)),
]);

// The dataset at `url`, as the app takes it over (src/data.rs): { bytes } when it came (bytes,
// not text: coops_core::load::decode_text says why), { error: 'timeout' } when it took too long
// (the app says so at once, and its Retry fetches afresh), { error: 'failed' } otherwise (the
// app fetches it again and explains).
const fetchDataset = (url) => within(fetch(url)
  .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(response.status)))
  .then((buffer) => ({ bytes: new Uint8Array(buffer) }), () => ({ error: 'failed' })), { error: 'timeout' });
// -- end of public/js/include/dataset.js
