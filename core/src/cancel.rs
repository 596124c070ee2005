//! Cooperative cancellation of long calls: a check the caller installs ("has Ctrl-C
//! been pressed?") that the core's long loops consult every few thousand steps.
//!
//! Every call is bounded (see the limits in each module), but a bounded call can still
//! take seconds: a million-trial forecast, retention over ten million events. A caller
//! that wants to stop such a call installs a check with [`with_cancel_check`]; the
//! forecast trial loops ask it every [`CHECK_EVERY`] draws and the analytics between
//! their passes over the rows (each well under a second on ten million events), stop
//! early once it says yes, and the call returns
//! [`Error::Cancelled`] instead of a partial result. Without an installed check the
//! loops pay one branch per step. The Python binding installs a check that runs
//! Python's signal handlers, so Ctrl-C and a notebook's "interrupt" raise
//! `KeyboardInterrupt` within a fraction of a second.
//!
//! The check is per call and per thread: the core's own worker threads (the parallel
//! analytics passes) inherit it, other threads never see it.
//!
//! ```
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::sync::Arc;
//! use pmkit::cancel::with_cancel_check;
//! use pmkit::forecast::{forecast_when, Simulation};
//!
//! // A check that says "stop" the third time it is asked.
//! let asked = Arc::new(AtomicUsize::new(0));
//! let counter = Arc::clone(&asked);
//! let check = move || counter.fetch_add(1, Ordering::Relaxed) >= 2;
//! let history = [1.0, 2.0, 3.0];
//! let result = with_cancel_check(check, || {
//!     let simulation = Simulation::new(100_000, 7)?;
//!     forecast_when(5_000.0, &history, &[0.5, 0.85], &simulation, None, None)
//! });
//! assert_eq!(result.unwrap_err().kind(), pmkit::ErrorKind::Cancelled);
//! assert_eq!(asked.load(Ordering::Relaxed), 3);
//! # Ok::<(), pmkit::Error>(())
//! ```

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::{Error, Result};

/// How many steps (trials, rows, users) pass between two questions to the check: few
/// enough that a stop arrives within milliseconds, many enough that asking costs
/// nothing measurable.
pub const CHECK_EVERY: u32 = 1 << 12;

/// The installed check of one call, shared by the threads working on it.
#[derive(Clone)]
pub(crate) struct CancelCheck(Arc<Shared>);

struct Shared {
    check: Box<dyn Fn() -> bool + Send + Sync>,
    cancelled: AtomicBool,
}

thread_local! {
    static CURRENT: RefCell<Option<CancelCheck>> = const { RefCell::new(None) };
}

/// Runs `work` with `check` consulted at the core's checkpoints (on this thread and the
/// threads the core starts for it). When `check` answers `true`, the loops stop early
/// and the call's result is [`Error::Cancelled`] (field `call`), whatever `work`
/// returned. `check` may be asked from several threads at once.
pub fn with_cancel_check<R>(
    check: impl Fn() -> bool + Send + Sync + 'static,
    work: impl FnOnce() -> Result<R>,
) -> Result<R> {
    let installed = CancelCheck(Arc::new(Shared {
        check: Box::new(check),
        cancelled: AtomicBool::new(false),
    }));
    let result = with_installed(Some(installed.clone()), work);
    if installed.0.cancelled.load(Ordering::Relaxed) {
        return Err(Error::cancelled(
            "call",
            "stopped by the caller's cancel check",
        ));
    }
    result
}

/// The check installed on this thread, for handing to a worker thread.
pub(crate) fn current() -> Option<CancelCheck> {
    CURRENT.with(|current| current.borrow().clone())
}

/// Runs `work` with `installed` as this thread's check (a worker thread of a call),
/// restoring the previous one after.
pub(crate) fn with_installed<R>(installed: Option<CancelCheck>, work: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|current| current.replace(installed));
    let result = work();
    CURRENT.with(|current| *current.borrow_mut() = before);
    result
}

/// Asks the installed check at once (between two passes of a long call, where a loop's
/// [`Checkpoint`] would cost more than it saves); [`Error::Cancelled`] when it says yes
/// or the call was cancelled already.
pub(crate) fn check_now() -> Result<()> {
    let Some(installed) = current() else {
        return Ok(());
    };
    let shared = &installed.0;
    if shared.cancelled.load(Ordering::Relaxed) || (shared.check)() {
        shared.cancelled.store(true, Ordering::Relaxed);
        return Err(Error::cancelled(
            "call",
            "stopped by the caller's cancel check",
        ));
    }
    Ok(())
}

/// A loop's checkpoint: [`Checkpoint::stop`] once per step says whether to stop.
pub(crate) struct Checkpoint {
    installed: Option<CancelCheck>,
    steps: u32,
}

impl Checkpoint {
    /// A checkpoint for the check installed on this thread (none: never stops).
    pub(crate) fn new() -> Self {
        Checkpoint {
            installed: current(),
            steps: 0,
        }
    }

    /// Whether the loop should stop: the call was cancelled (by this thread or another
    /// working on it), asking the check every [`CHECK_EVERY`] steps.
    #[inline]
    pub(crate) fn stop(&mut self) -> bool {
        let Some(installed) = &self.installed else {
            return false;
        };
        self.steps = self.steps.wrapping_add(1);
        if self.steps % CHECK_EVERY != 0 {
            return false;
        }
        let shared = &installed.0;
        if shared.cancelled.load(Ordering::Relaxed) {
            return true;
        }
        if (shared.check)() {
            shared.cancelled.store(true, Ordering::Relaxed);
            return true;
        }
        false
    }

    /// [`Checkpoint::stop`] as a result: [`Error::Cancelled`] when the loop should stop.
    #[inline]
    pub(crate) fn check(&mut self) -> Result<()> {
        if self.stop() {
            return Err(Error::cancelled(
                "call",
                "stopped by the caller's cancel check",
            ));
        }
        Ok(())
    }
}

// docs/limits.md's Rust examples run as doc tests.
#[doc = include_str!("../../docs/limits.md")]
#[cfg(doctest)]
pub struct LimitsDoctests;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn without_a_check_nothing_stops() {
        let mut checkpoint = Checkpoint::new();
        assert!((0..3 * CHECK_EVERY).all(|_| !checkpoint.stop()));
    }

    #[test]
    fn a_check_is_asked_every_so_many_steps_and_its_yes_ends_the_call() {
        let asked = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&asked);
        let result = with_cancel_check(
            move || counter.fetch_add(1, Ordering::Relaxed) == 1,
            || {
                let mut checkpoint = Checkpoint::new();
                let mut steps = 0u32;
                while !checkpoint.stop() {
                    steps += 1;
                }
                Ok(steps)
            },
        );
        // Asked at steps CHECK_EVERY (no) and 2 × CHECK_EVERY (yes).
        assert_eq!(asked.load(Ordering::Relaxed), 2);
        assert_eq!(
            result.unwrap_err(),
            Error::cancelled("call", "stopped by the caller's cancel check")
        );
        // Uninstalled afterwards.
        assert!(current().is_none());
    }

    #[test]
    fn a_check_that_never_says_yes_changes_nothing() {
        let result = with_cancel_check(|| false, || Ok(41 + 1));
        assert_eq!(result, Ok(42));
        assert!(with_cancel_check(|| false, || Err::<(), _>(Error::invalid("x", "bad"))).is_err());
    }
}
