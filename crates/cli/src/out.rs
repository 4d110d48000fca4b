//! Building a command's output. Commands write into a `String`, which
//! cannot fail, and hand it to [`crate::io::write`] at the end, which
//! reports a failed write. `outln!` is `writeln!` into that string; std's `print!` family stays what it is.

/// `writeln!` into a `String`.
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

pub(crate) use outln;

/// `value` as indented JSON, with a line end.
pub fn json(value: &impl serde::Serialize) -> String {
    // Our output types have text keys only, which is all that could fail.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
