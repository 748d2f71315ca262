//! Rendering: every SQL construct writes itself into a [`SqlBuilder`].

use super::Dialect;
use crate::types::Value;
use std::marker::PhantomData;

/// Collects the SQL text and the bind values of one statement for dialect `D`.
///
/// Values never enter the text: [`SqlBuilder::push_bind`] writes a placeholder and keeps the
/// value aside, so rendering cannot produce an injection.
pub struct SqlBuilder<'a, D> {
    sql: String,
    render_sql: bool,
    binds: Vec<Value<'a>>,
    qualify_columns: bool,
    select_labels: Option<&'static [&'static str]>,
    _dialect: PhantomData<D>,
}

impl<'a, D: Dialect> Default for SqlBuilder<'a, D> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a, D: Dialect> SqlBuilder<'a, D> {
    /// An empty builder.
    pub fn new() -> Self {
        SqlBuilder {
            sql: String::with_capacity(128),
            render_sql: true,
            binds: Vec::new(),
            qualify_columns: true,
            select_labels: None,
            _dialect: PhantomData,
        }
    }

    /// A builder that only collects binds: for a statement whose SQL text is already cached.
    pub fn binds_only(capacity: usize) -> Self {
        SqlBuilder {
            sql: String::new(),
            render_sql: false,
            binds: Vec::with_capacity(capacity),
            qualify_columns: true,
            select_labels: None,
            _dialect: PhantomData,
        }
    }

    /// Whether columns are written with their table (`"users"."id"`). Off where SQL allows
    /// only bare output names, such as ORDER BY after UNION.
    #[inline]
    pub fn qualify_columns(&self) -> bool {
        self.qualify_columns
    }

    /// Sets whether columns are written with their table; returns the previous setting.
    pub fn set_qualify_columns(&mut self, qualify: bool) -> bool {
        std::mem::replace(&mut self.qualify_columns, qualify)
    }

    /// Names the next select list's columns (`expr AS "name"`), for derived tables.
    pub fn set_select_labels(&mut self, labels: &'static [&'static str]) {
        self.select_labels = Some(labels);
    }

    /// Takes the labels set by [`SqlBuilder::set_select_labels`], if any.
    pub fn take_select_labels(&mut self) -> Option<&'static [&'static str]> {
        self.select_labels.take()
    }

    /// Appends SQL text written by aludel itself (keywords, punctuation).
    #[inline]
    pub fn push_sql(&mut self, sql: &str) {
        if self.render_sql {
            self.sql.push_str(sql);
        }
    }

    /// Appends a quoted identifier.
    #[inline]
    pub fn push_ident(&mut self, name: &str) {
        if self.render_sql {
            D::write_ident(&mut self.sql, name);
        }
    }

    /// Appends the dialect's name of a SQL type as CAST spells it.
    #[inline]
    pub fn push_type_name(&mut self, kind: crate::types::TypeKind) {
        if self.render_sql {
            D::write_cast_type(&mut self.sql, kind);
        }
    }

    /// Appends a placeholder and records its value.
    #[inline]
    pub fn push_bind(&mut self, value: Value<'a>) {
        self.binds.push(value);
        if self.render_sql {
            D::write_placeholder(&mut self.sql, self.binds.len());
        }
    }

    /// Appends to the SQL text through `write` (for dialect helpers that format directly);
    /// skipped when only binds are collected.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        if self.render_sql {
            write(&mut self.sql);
        }
    }

    /// The SQL written so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// Splits into the SQL text and the binds.
    pub fn finish(self) -> (String, Vec<Value<'a>>) {
        (self.sql, self.binds)
    }
}

/// Something that renders as (part of) a SQL statement for dialect `D`.
///
/// Implementations exist only for the dialects that have the construct; a missing impl is
/// how a dialect-only construct fails to compile for another dialect.
#[diagnostic::on_unimplemented(
    message = "this statement uses a construct that the {D} dialect does not have",
    label = "cannot be written as SQL for the {D} dialect",
    note = "the statement is `{Self}`; ILIKE, DISTINCT ON, FOR UPDATE / FOR SHARE, ANY / ALL, arrays and enum types are PostgreSQL-only"
)]
pub trait QueryFragment<D: Dialect> {
    /// Writes this fragment's SQL and binds.
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>);

    /// Adds to `shape` whatever runtime state changes this fragment's SQL text (an IN list's
    /// length, whether a LIMIT is set, ...), and returns `true` if the SQL text is then fully
    /// determined by the statement's type and `shape`, so it can be cached. The default,
    /// `false`, is always correct: the SQL is rendered every time.
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        false
    }

    /// Whether this fragment is a bind parameter whose value is NULL (a Rust `None`).
    /// Comparisons ask it: `x = NULL` is never true in SQL, so `x.eq(None)` is written
    /// `x IS NULL` (and `x.ne(None)` `x IS NOT NULL`), as SQLAlchemy does for `== None`.
    fn is_null_bind(&self) -> bool {
        false
    }

    /// The name this fragment asks for as a select list item (`.label("name")`): written
    /// `AS "name"` after it unless the enclosing derived table names its columns itself.
    fn select_label(&self) -> Option<&'static str> {
        None
    }
}

/// The runtime part of a statement's SQL shape, for the statement cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Shape(u64);

impl Shape {
    /// Mixes a value into the shape.
    #[inline]
    pub fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(7) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    /// Mixes in a name chosen at run time (an inline derived table's or a label's), which
    /// changes the SQL text of statements of one type.
    pub fn add_name(&mut self, name: &str) {
        self.add(name.len() as u64);
        for chunk in name.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    /// The accumulated key.
    pub fn key(&self) -> u64 {
        self.0
    }
}

impl<D: Dialect> QueryFragment<D> for () {
    #[inline]
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

/// Renders comma-separated tuples of fragments (select lists, ORDER BY lists, SET lists).
macro_rules! tuple_fragment {
    ($first:ident $fi:ident $fn:tt $(, $rest:ident $ri:ident $rn:tt)*) => {
        #[allow(non_snake_case)]
        impl<D: Dialect, $first: QueryFragment<D>, $($rest: QueryFragment<D>),*> QueryFragment<D>
            for ($first, $($rest,)*)
        {
            #[inline]
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                let ($first, $($rest,)*) = self;
                $first.walk(out);
                $( out.push_sql(", "); $rest.walk(out); )*
            }
            #[inline]
            fn shape(&self, shape: &mut Shape) -> bool {
                let ($first, $($rest,)*) = self;
                $first.shape(shape) $(&& $rest.shape(shape))*
            }
        }
    };
}

for_tuples!(tuple_fragment);
