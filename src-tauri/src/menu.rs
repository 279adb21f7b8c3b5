//! The window's menu: the platform's default menu with "Check for Updates…" in Help. Choosing it
//! sends `menu-check-updates` to the page, which runs the same check as the System page.

use crate::events::AppEvent;
use tauri::menu::{Menu, MenuEvent, MenuItem, HELP_SUBMENU_ID};
use tauri::{AppHandle, Runtime};

/// The menu item's id.
const CHECK_UPDATES: &str = "check-updates";

/// The default menu with the update item added to Help.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let menu = Menu::default(app)?;
    let item = MenuItem::with_id(app, CHECK_UPDATES, "Check for Updates…", true, None::<&str>)?;
    match menu
        .get(HELP_SUBMENU_ID)
        .as_ref()
        .and_then(|m| m.as_submenu())
    {
        Some(help) => help.append(&item)?,
        None => menu.append(&item)?,
    }
    Ok(menu)
}

/// Passes the update item on to the page.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if event.id() == CHECK_UPDATES {
        AppEvent::MenuCheckUpdates(()).emit(app);
    }
}
