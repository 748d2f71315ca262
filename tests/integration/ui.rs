//! Compile-fail cases: every compile-time rule, each in `ui-tests/`, checked by one trybuild run.

#[test]
fn invalid_queries_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui-tests/*.rs");
}
