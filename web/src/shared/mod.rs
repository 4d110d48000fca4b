//! Small pieces every room may use; none of them knows a room.

pub mod clock;
pub mod download;
pub mod files;
pub mod worker;

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A value shared by pointer and replaced whole when it changes (a ladder,
/// a roster, a request under way), so two are equal when they are the same
/// value: identity, which needs no list of fields to compare and costs
/// nothing for a roster of thousands.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`; equal only to itself and its clones.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
