//! Relationships as joins: `session.query::<User>().join(User::posts())` adds the posts table
//! to FROM along the relationship's foreign key, so the query can filter and order by the
//! related table's columns (SQLAlchemy's `select(User).join(User.posts)`). The objects
//! returned are still the query's own model, each once.

use super::model::Model;
use super::relation::{BelongsTo, HasMany, HasOne, ManyToMany};
use crate::expr::{Binary, Eq};
use crate::query::{Join, JoinKind};
use crate::schema::{ForeignKey, ForeignKeyBetween, HasTable, QuerySource, Table};

/// A relationship joined onto FROM clause `Src` with join kind `K`; `I` proves the
/// relationship's own table is already in `Src`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be joined here: its model's table is not in this query's FROM clause",
    label = "join along a relationship that starts from a table of the query",
    note = "join the tables in order: `.join(User::posts()).join(Post::comments())`; a \
            self-referential relationship needs an `alias!` join in the core query builder"
)]
pub trait RelationJoin<Src, K, I> {
    /// The FROM clause with the related table(s) joined.
    type Output: QuerySource;
    /// Joins the related table(s) onto `from`.
    fn join_onto(self, from: Src) -> Self::Output;
}

/// `child.fk = parent.key`: every relationship joins on its foreign key's own equality.
type FkEq<F> = Binary<Eq, F, <F as ForeignKey>::Target>;

fn fk_eq<F: ForeignKey>() -> FkEq<F> {
    Binary::new(F::default(), F::Target::default())
}

// One-to-many and one-to-one join the same way: the children's table, on their key.
macro_rules! join_children {
    ($($kind:ident),+) => {$(
        impl<P, Ch, F, Src, K, I> RelationJoin<Src, K, I> for $kind<P, Ch, F>
        where
            P: Model,
            Ch: Model,
            F: ForeignKeyBetween<Ch::Table, P::Table>,
            Src: QuerySource + HasTable<P::Table, I>,
            K: JoinKind,
        {
            type Output = Join<Src, Ch::Table, K, crate::query::On<FkEq<F>>>;

            fn join_onto(self, from: Src) -> Self::Output {
                Join::on_proved(from, Ch::Table::default(), fk_eq::<F>())
            }
        }
    )+};
}
join_children!(HasMany, HasOne);

impl<Ch, P, F, Src, K, I> RelationJoin<Src, K, I> for BelongsTo<Ch, P, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
    Src: QuerySource + HasTable<Ch::Table, I>,
    K: JoinKind,
{
    type Output = Join<Src, P::Table, K, crate::query::On<FkEq<F>>>;

    fn join_onto(self, from: Src) -> Self::Output {
        Join::on_proved(from, P::Table::default(), fk_eq::<F>())
    }
}

impl<P, T, A, FP, FT, Src, K, I> RelationJoin<Src, K, I> for ManyToMany<P, T, A, FP, FT>
where
    P: Model,
    T: Model,
    A: Table,
    FP: ForeignKeyBetween<A, P::Table>,
    FT: ForeignKeyBetween<A, T::Table>,
    Src: QuerySource + HasTable<P::Table, I>,
    K: JoinKind,
{
    /// The association table, then the targets.
    type Output =
        Join<Join<Src, A, K, crate::query::On<FkEq<FP>>>, T::Table, K, crate::query::On<FkEq<FT>>>;

    fn join_onto(self, from: Src) -> Self::Output {
        let association = Join::on_proved(from, A::default(), fk_eq::<FP>());
        Join::on_proved(association, T::Table::default(), fk_eq::<FT>())
    }
}
