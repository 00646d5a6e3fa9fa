//! One story's failure stays that story's: a panic while checking it becomes an error for that
//! story alone, and the rest of a batch is still checked and printed. Every place that checks a
//! story (the check command, archives, fixes, the language server) goes through `isolate`.
//!
//! The panic's message and place are kept for the report; the default panic output is held back
//! while a guarded story is checked, so the user sees one line naming the story instead of a
//! backtrace that names none.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside `isolate` (the hook stays quiet there).
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The last guarded panic on this thread: its message and where it happened.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

/// A panic caught while checking one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked {
    /// The panic's message and source location.
    pub detail: String,
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error while checking this story ({}); the rest were checked", self.detail)
    }
}

impl std::error::Error for Panicked {}

/// Runs `work`, turning a panic inside it into `Err(Panicked)`.
pub fn isolate<T>(work: impl FnOnce() -> T) -> Result<T, Panicked> {
    install_hook();
    let was_guarded = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(was_guarded));
    result.map_err(|payload| {
        let detail = LAST_PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| payload_text(payload.as_ref()).to_string());
        Panicked { detail }
    })
}

/// Installs, once, a hook that records guarded panics and passes the others on.
fn install_hook() {
    INSTALL.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            if GUARDED.with(Cell::get) {
                let place =
                    info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                let message = format!("{}{place}", payload_text(info.payload()));
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
            } else {
                default(info);
            }
        }));
    });
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "a panic with no message"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_place() {
        let result: Result<(), Panicked> = isolate(|| panic!("the index is 3"));
        let error = result.unwrap_err();
        assert!(error.detail.starts_with("the index is 3 at "), "{}", error.detail);
        assert!(error.detail.contains("isolate.rs"), "{}", error.detail);
    }

    #[test]
    fn work_that_returns_is_passed_through() {
        assert_eq!(isolate(|| 41 + 1), Ok(42));
    }

    #[test]
    fn guards_nest() {
        let outer = isolate(|| {
            let inner: Result<(), Panicked> = isolate(|| panic!("inner"));
            assert!(inner.is_err());
            7
        });
        assert_eq!(outer, Ok(7));
    }
}
