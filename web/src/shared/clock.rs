//! The browser's clock (the core never reads one).

/// Today's date from the browser's clock.
#[cfg(target_arch = "wasm32")]
pub fn today() -> jiff::civil::Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    jiff::civil::Date::new(y as i16, m as i8, d as i8).unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// Natively (clippy, tests) there is no browser: the system clock, in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> jiff::civil::Date {
    doorgroei::dates::utc_day(jiff::Timestamp::now())
}
