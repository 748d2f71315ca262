//! LIKE with user text, matched literally on both dialects.

use super::*;

crate::backend_test!(like_matches_user_text_literally, |conn| {
    use aludel::expr::escape_like;
    create(conn);
    for item in ["50% off", "500 ml", "a_b", "axb", r"back\slash", "backslash", "it's"] {
        put(conn, item).unwrap();
    }
    let contains = |conn: &mut _, text: &str| -> Vec<String> {
        vault::table
            .select(vault::item)
            .filter(vault::item.contains(text))
            .order_by(vault::id)
            .load(conn)
            .unwrap()
    };
    assert_eq!(contains(conn, "50%"), ["50% off"]);
    assert_eq!(contains(conn, "_"), ["a_b"]);
    assert_eq!(contains(conn, "%"), ["50% off"]);
    assert_eq!(contains(conn, r"\"), [r"back\slash"]);
    assert_eq!(contains(conn, "'"), ["it's"]);
    let starts: Vec<String> =
        vault::table.select(vault::item).filter(vault::item.starts_with("a_")).load(conn).unwrap();
    assert_eq!(starts, ["a_b"]);
    let ends: Vec<String> =
        vault::table.select(vault::item).filter(vault::item.ends_with("% off")).load(conn).unwrap();
    assert_eq!(ends, ["50% off"]);
    // A pattern of one's own: literal parts escaped, wildcards kept.
    let pattern = format!("{}%{}", escape_like("a_"), escape_like("b"));
    let own: Vec<String> = vault::table
        .select(vault::item)
        .filter(vault::item.like_escaped(pattern))
        .load(conn)
        .unwrap();
    assert_eq!(own, ["a_b"]);
    let not: i64 = vault::table
        .select(count_star())
        .filter(vault::item.not_like_escaped(format!("%{}%", escape_like("%"))))
        .first(conn)
        .unwrap();
    assert_eq!(not, 6);
});
