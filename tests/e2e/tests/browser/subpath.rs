//! The app deployed under a sub-path (`trunk build --release --public-url /directory/`):
//! assets, data and routes follow the public URL.

use e2e::{StaticServer, run_with, subpath_dist_dir};

#[tokio::test]
async fn the_app_under_a_sub_path_loads_navigates_and_reloads_on_a_deep_link() {
    run_with(
        StaticServer::start_under(subpath_dist_dir(), "/directory"),
        |app| async move {
            app.open("/directory/").await;
            assert!(
                app.result_count().await > 100,
                "the dataset loads from the sub-path"
            );
            app.find("[data-testid=world-map] [data-country=FR]").await;

            app.click_link("Join").await;
            app.wait_until(
                "the join route under the sub-path",
                "location.pathname === '/directory/join'",
            )
            .await;
            app.find("[data-testid=join-step]").await;
            app.reload().await;
            app.find("[data-testid=join-step]").await;

            app.open("/directory/coops/camba").await;
            assert_eq!(app.heading().await, "Cambá");
            app.click_link("← All co-ops").await;
            app.wait_until(
                "back to the directory",
                "location.pathname === '/directory/' || location.pathname === '/directory'",
            )
            .await;

            app.choose("facet-region", "asia").await;
            app.wait_until(
                "filters under the sub-path",
                "location.pathname.startsWith('/directory') && location.search === '?region=asia'",
            )
            .await;
            let outside = app
                .server
                .requests()
                .into_iter()
                .filter(|r| !r.starts_with("/directory"))
                .collect::<Vec<_>>();
            assert!(
                outside.is_empty(),
                "every request stays under /directory: {outside:?}"
            );
        },
    )
    .await;
}
