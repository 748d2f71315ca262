//! A RANGE frame with an integer offset cannot measure a date ORDER BY: PostgreSQL would need
//! an interval ("not supported for column type date and offset type integer").

use aludel::prelude::*;

aludel::table! {
    events (id) { id -> Integer, day -> Date, amount -> Integer, }
}

fn main() {
    let w = Window::new().order_by(events::day).range_between(preceding(7), current_row());
    let _ = events::table.select((events::id, sum(events::amount).over(w)));
}
