//! Derive macros for aludel: `#[derive(FromRow)]` maps result rows onto a struct.

use proc_macro::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, parse_macro_input};

/// Loads a struct from a result row: field `i` from column `i`.
///
/// The struct loads wherever the tuple of its field types would: `#[derive(FromRow)] struct
/// User { id: i32, name: String }` loads from any select whose row type loads into
/// `(i32, String)`. A field whose type cannot hold its column's SQL type is a compile error at
/// the `load` call.
#[proc_macro_derive(FromRow)]
pub fn derive_from_row(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match from_row(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn from_row(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "`FromRow` can only be derived for structs",
        ));
    };
    let name = &input.ident;
    let types: Vec<_> = data.fields.iter().map(|f| &f.ty).collect();
    let bindings: Vec<_> = (0..types.len()).map(|i| quote::format_ident!("__field{}", i)).collect();
    let construct = match &data.fields {
        Fields::Named(fields) => {
            let names = fields.named.iter().map(|f| f.ident.as_ref());
            quote! { #name { #(#names: #bindings),* } }
        }
        Fields::Unnamed(_) => quote! { #name ( #(#bindings),* ) },
        Fields::Unit => {
            return Err(syn::Error::new_spanned(name, "`FromRow` needs at least one field"));
        }
    };
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let mut generics = input.generics.clone();
    generics.params.push(syn::parse_quote!(__ST));
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    // The fields as a cons list `(F0, (F1, ... ()))`, matched against the row type flattened
    // the same way: a struct loads from a flat select list, a nested one, or a wide table's
    // chunked `SELECT *` alike, whatever the tuples' nesting.
    let list = types.iter().rev().fold(quote!(()), |rest, ty| quote!((#ty, #rest)));
    let pattern = bindings.iter().rev().fold(quote!(()), |rest, b| quote!((#b, #rest)));
    let mut where_clause = where_clause.cloned().unwrap_or_else(|| syn::parse_quote!(where));
    where_clause.predicates.push(syn::parse_quote!(__ST: ::aludel::types::FlatRow));
    where_clause.predicates.push(syn::parse_quote!(
        #list: ::aludel::types::FromRowList<<__ST as ::aludel::types::FlatRow>::List>
    ));
    Ok(quote! {
        impl #impl_generics ::aludel::types::FromRow<__ST> for #name #ty_generics #where_clause {
            #[inline]
            fn from_row<__R: ::aludel::types::SqlRow + ?Sized>(row: &mut __R) -> ::aludel::Result<Self> {
                let #pattern = <#list as ::aludel::types::FromRowList<
                    <__ST as ::aludel::types::FlatRow>::List,
                >>::from_row_list(row)?;
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}

/// The widest flat tuple aludel's traits are implemented for (see `for_tuples!` in aludel).
const TUPLE_MAX: usize = 32;

/// `items` as one tuple type when they fit in [`TUPLE_MAX`], else as a tuple of tuples of at
/// most that many (nested again as often as needed). `table!` and `#[derive(Model)]` both
/// shape column lists with it, so a table's `SELECT *` row and a model's row agree.
fn nest(items: Vec<proc_macro2::TokenStream>) -> proc_macro2::TokenStream {
    if items.len() <= TUPLE_MAX {
        return quote!((#(#items,)*));
    }
    let chunks = items.chunks(TUPLE_MAX).map(|chunk| quote!((#(#chunk,)*))).collect();
    nest(chunks)
}

/// Used by `table!` (not public API): the comma-separated types as a tuple type, nested in
/// chunks when there are more than a flat tuple holds.
#[doc(hidden)]
#[proc_macro]
pub fn __nest_tuple(input: TokenStream) -> TokenStream {
    let types = parse_macro_input!(
        input with syn::punctuated::Punctuated::<syn::Type, syn::Token![,]>::parse_terminated
    );
    nest(types.into_iter().map(|t| quote!(#t)).collect()).into()
}

/// Maps a struct onto a table for aludel's ORM session (`aludel::orm`).
///
/// ```text
/// #[derive(Model)]
/// #[aludel(table = users)]          // the table! module; add `hooks` to implement
///                                   // `aludel::orm::Hooks` yourself
/// struct User {
///     #[aludel(generated)] id: Option<i32>,   // filled by the database on INSERT
///     #[aludel(column = user_name)] name: String,
///     #[aludel(version)] version: i32,        // optimistic concurrency
///     #[aludel(skip)] scratch: Vec<u8>,       // not mapped (needs Default)
///     #[aludel(relation)] posts: Many<Post>,  // a relationship (see `aludel::orm`)
/// }
/// ```
///
/// Each mapped field's Rust type is checked against its column's SQL type at compile time.
#[proc_macro_derive(Model, attributes(aludel))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match model(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

struct FieldSpec {
    ident: syn::Ident,
    /// The field's type, where a field-type error points.
    ty: syn::Type,
    column: syn::Ident,
    generated: bool,
    version: bool,
}

fn model(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let mut table: Option<syn::Path> = None;
    let mut own_hooks = false;
    for attr in &input.attrs {
        if attr.path().is_ident("aludel") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("table") {
                    table = Some(meta.value()?.parse()?);
                    Ok(())
                } else if meta.path.is_ident("hooks") {
                    own_hooks = true;
                    Ok(())
                } else {
                    Err(meta.error("expected `table = <table module>` or `hooks`"))
                }
            })?;
        }
    }
    let table = table.ok_or_else(|| {
        syn::Error::new_spanned(name, "`Model` needs `#[aludel(table = <table module>)]`")
    })?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "`Model` can only be derived for structs"));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new_spanned(name, "`Model` needs a struct with named fields"));
    };
    let mut fields = Vec::new();
    let mut skipped = Vec::new();
    for f in &named.named {
        let ident = f.ident.clone().expect("named field");
        let mut column = ident.clone();
        let (mut generated, mut version, mut skip) = (false, false, false);
        for attr in &f.attrs {
            if !attr.path().is_ident("aludel") {
                continue;
            }
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("column") {
                    column = meta.value()?.parse()?;
                } else if meta.path.is_ident("generated") {
                    generated = true;
                } else if meta.path.is_ident("version") {
                    version = true;
                } else if meta.path.is_ident("skip") || meta.path.is_ident("relation") {
                    skip = true;
                } else {
                    return Err(meta.error(
                        "expected `column = <name>`, `generated`, `version`, `skip` or `relation`",
                    ));
                }
                Ok(())
            })?;
        }
        if skip {
            skipped.push(ident);
        } else {
            fields.push(FieldSpec { ident, ty: f.ty.clone(), column, generated, version });
        }
    }
    if fields.is_empty() {
        return Err(syn::Error::new_spanned(name, "`Model` needs at least one mapped field"));
    }

    let columns: Vec<_> = fields.iter().map(|f| &f.column).collect();
    let col_path = |c: &syn::Ident| quote!(#table::#c);
    let col_paths: Vec<_> = columns.iter().map(|c| col_path(c)).collect();
    let field_defs = fields.iter().map(|f| {
        let c = col_path(&f.column);
        let (g, v) = (f.generated, f.version);
        quote! {
            ::aludel::orm::FieldDef {
                column: <#c as ::aludel::schema::Column>::NAME,
                generated: #g,
                version: #v,
            }
        }
    });
    // Every read and bind of a field goes through one function bounded by `ModelField`,
    // spanned at the field's type: a field of the wrong type is one error there (the same
    // obligation at the same span is reported once), not one per use and direction.
    let io = |f: &FieldSpec| {
        let c = col_path(&f.column);
        quote_spanned!(f.ty.span()=> ::aludel::orm::__field_io::<#c, <#c as ::aludel::expr::Expression>::SqlType, _>())
    };
    let bind = |f: &FieldSpec, value: proc_macro2::TokenStream| {
        let io = io(f);
        quote!((#io.0)(::core::clone::Clone::clone(#value)))
    };
    let read = |f: &FieldSpec| {
        let io = io(f);
        quote!((#io.1))
    };
    let values = fields.iter().map(|f| {
        let ident = &f.ident;
        if f.generated {
            let bind = bind(f, quote!(v));
            quote! {
                match &self.#ident {
                    ::core::option::Option::Some(v) => #bind,
                    ::core::option::Option::None => ::aludel::types::Value::Null,
                }
            }
        } else {
            bind(f, quote!(&self.#ident))
        }
    });
    let value_arms = values.clone().enumerate().map(|(i, v)| quote!(#i => #v,));
    let setters = fields.iter().enumerate().map(|(i, f)| {
        let ident = &f.ident;
        let read = read(f);
        if f.generated {
            quote! {
                #i => {
                    self.#ident = match value {
                        ::aludel::types::Value::Null => ::core::option::Option::None,
                        v => ::core::option::Option::Some(#read(v)?),
                    };
                }
            }
        } else {
            quote!(#i => { self.#ident = #read(value)?; })
        }
    });
    let row_types = fields.iter().map(|f| {
        let c = col_path(&f.column);
        quote!(<#c as ::aludel::expr::Expression>::SqlType)
    });
    let reads = fields.iter().map(|f| {
        let ident = &f.ident;
        let read = read(f);
        if f.generated {
            quote!(#ident: ::core::option::Option::Some(#read(row.next_value()?)?))
        } else {
            quote!(#ident: #read(row.next_value()?)?)
        }
    });
    let from_values = fields.iter().map(|f| {
        let ident = &f.ident;
        let read = read(f);
        let next = quote!(values.next().unwrap_or(::aludel::types::Value::Null));
        if f.generated {
            quote! {
                #ident: match #next {
                    ::aludel::types::Value::Null => ::core::option::Option::None,
                    v => ::core::option::Option::Some(#read(v)?),
                }
            }
        } else {
            quote!(#ident: #read(#next)?)
        }
    });
    let skipped_defaults = skipped.clone();
    let here_tuple = nest(fields.iter().map(|_| quote!(::aludel::schema::Here)).collect());
    let columns_tuple = nest(col_paths.clone());
    let row_tuple = nest(row_types.collect());
    let hooks = if own_hooks { quote!() } else { quote!(impl ::aludel::orm::Hooks for #name {}) };
    Ok(quote! {
        #hooks

        impl ::aludel::orm::Model for #name {
            type Table = #table::table;
            type Columns = #columns_tuple;
            type ColumnsIndex = #here_tuple;
            const FIELDS: &'static [::aludel::orm::FieldDef] = &[#(#field_defs),*];

            fn values(&self) -> ::std::vec::Vec<::aludel::types::Value<'static>> {
                ::std::vec![#(#values),*]
            }

            fn value(&self, index: usize) -> ::aludel::types::Value<'static> {
                match index {
                    #(#value_arms)*
                    _ => ::aludel::types::Value::Null,
                }
            }

            fn from_values(values: ::std::vec::Vec<::aludel::types::Value<'static>>) -> ::aludel::Result<Self> {
                let mut values = values.into_iter();
                ::core::result::Result::Ok(#name {
                    #(#from_values,)*
                    #(#skipped_defaults: ::core::default::Default::default(),)*
                })
            }

            fn set_field(&mut self, index: usize, value: ::aludel::types::Value<'_>) -> ::aludel::Result<()> {
                match index {
                    #(#setters)*
                    _ => {}
                }
                ::core::result::Result::Ok(())
            }
        }

        impl ::aludel::types::FromRow<#row_tuple> for #name {
            fn from_row<__R: ::aludel::types::SqlRow + ?Sized>(row: &mut __R) -> ::aludel::Result<Self> {
                ::core::result::Result::Ok(#name {
                    #(#reads,)*
                    #(#skipped: ::core::default::Default::default(),)*
                })
            }
        }
    })
}

/// Used by `table!` (not public API): the default foreign key from this table to each table
/// it references, so a relationship can leave its foreign key unnamed.
///
/// Input: `$crate; { column [attr] [attr] ... } ...`, the columns with their attributes as
/// written. Columns referencing the same table are grouped by the table's name: one column
/// becomes `DefaultForeignKey<parent::table>`'s `Column`; several become
/// `AmbiguousForeignKey`, which a relationship using the default rejects with a message
/// asking for the column. (`macro_rules!` cannot compare identifiers, hence this macro.)
#[doc(hidden)]
#[proc_macro]
pub fn __default_foreign_keys(input: TokenStream) -> TokenStream {
    use proc_macro2::{Delimiter, TokenTree};
    let mut tokens = proc_macro2::TokenStream::from(input).into_iter();
    // `$crate` arrives as one identifier, followed by `;`.
    let krate: proc_macro2::TokenStream = tokens
        .by_ref()
        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ';'))
        .collect();
    // (parent table, its referencing columns), in declaration order.
    let mut by_parent: Vec<(proc_macro2::Ident, Vec<proc_macro2::Ident>)> = Vec::new();
    for column in tokens {
        let TokenTree::Group(column) = column else { continue };
        let mut parts = column.stream().into_iter();
        let Some(TokenTree::Ident(name)) = parts.next() else { continue };
        for attr in parts {
            let TokenTree::Group(attr) = attr else { continue };
            if attr.delimiter() != Delimiter::Bracket {
                continue;
            }
            let mut attr = attr.stream().into_iter();
            if !matches!(attr.next(), Some(TokenTree::Ident(i)) if i == "references") {
                continue;
            }
            let Some(TokenTree::Group(args)) = attr.next() else { continue };
            let Some(TokenTree::Ident(parent)) = args.stream().into_iter().next() else {
                continue;
            };
            match by_parent.iter_mut().find(|(p, _)| *p == parent) {
                Some((_, columns)) => columns.push(name.clone()),
                None => by_parent.push((parent, vec![name.clone()])),
            }
        }
    }
    let impls = by_parent.iter().map(|(parent, columns)| {
        let column = match columns.as_slice() {
            [one] => quote!(#one),
            _ => quote!(#krate::schema::AmbiguousForeignKey<table, #parent::table>),
        };
        quote! {
            impl #krate::schema::DefaultForeignKey<#parent::table> for table {
                type Column = #column;
            }
        }
    });
    quote!(#(#impls)*).into()
}

// ---- SqlEnum ---------------------------------------------------------------------------------

/// Makes a field-less enum its own SQL type, stored as a PostgreSQL enum type or as text.
///
/// ```text
/// #[derive(Debug, Clone, Copy, PartialEq, aludel::SqlEnum)]
/// #[sql_enum(pg_type = "mood")]      // a PostgreSQL enum type (PostgreSQL only), or
///                                    // #[sql_enum(text)]: TEXT with a CHECK, every database
/// enum Mood {
///     Happy,                         // label "Happy": the variant's name
///     #[sql_name = "so-so"] SoSo,    // label "so-so"
/// }
/// ```
///
/// The enum implements `aludel::types::SqlEnum` (and through it `SqlType`): declare columns
/// `mood -> Mood` (or `Nullable<Mood>`, `Array<Mood>`), bind `Mood` values and load them back.
/// Make the enum `pub` when a `table!` uses it (the table's module is public). See
/// `aludel::types::SqlEnum` for a runnable example.
#[proc_macro_derive(SqlEnum, attributes(sql_enum, sql_name))]
pub fn derive_sql_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match sql_enum(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The label of a variant: its `#[sql_name = "..."]`, or its name.
fn variant_label(variant: &syn::Variant) -> syn::Result<String> {
    for attr in &variant.attrs {
        if attr.path().is_ident("sql_name") {
            let value = &attr.meta.require_name_value()?.value;
            return match value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Ok(s.value()),
                other => Err(syn::Error::new_spanned(other, "expected `#[sql_name = \"label\"]`")),
            };
        }
    }
    Ok(variant.ident.to_string())
}

fn sql_enum(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "`SqlEnum` can only be derived for enums"));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "`SqlEnum` needs an enum without generics",
        ));
    }
    let mut pg_type: Option<String> = None;
    let mut text = false;
    for attr in &input.attrs {
        if attr.path().is_ident("sql_enum") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("pg_type") {
                    pg_type = Some(meta.value()?.parse::<syn::LitStr>()?.value());
                    Ok(())
                } else if meta.path.is_ident("text") {
                    text = true;
                    Ok(())
                } else {
                    Err(meta.error("expected `pg_type = \"<type name>\"` or `text`"))
                }
            })?;
        }
    }
    let (storage, type_name) = match (pg_type, text) {
        (Some(t), false) => (quote!(::aludel::types::NativeEnum), t),
        (None, true) => (quote!(::aludel::types::AsText), name.to_string()),
        _ => {
            return Err(syn::Error::new_spanned(
                name,
                "`SqlEnum` needs exactly one of `#[sql_enum(pg_type = \"<type name>\")]` (a \
                 PostgreSQL enum type) and `#[sql_enum(text)]` (text on every database)",
            ));
        }
    };
    if data.variants.is_empty() {
        return Err(syn::Error::new_spanned(name, "`SqlEnum` needs at least one variant"));
    }
    let mut variants = Vec::new();
    let mut labels = Vec::new();
    for v in &data.variants {
        if !matches!(v.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(v, "`SqlEnum` variants cannot have fields"));
        }
        let label = variant_label(v)?;
        if labels.contains(&label) {
            return Err(syn::Error::new_spanned(v, format!("the label `{label}` is used twice")));
        }
        variants.push(&v.ident);
        labels.push(label);
    }
    Ok(quote! {
        impl ::aludel::types::SqlEnum for #name {
            type Storage = #storage;
            const TYPE_NAME: &'static str = #type_name;
            const LABELS: &'static [&'static str] = &[#(#labels),*];
            fn label(&self) -> &'static str {
                match self { #(#name::#variants => #labels,)* }
            }
            fn from_label(label: &str) -> ::core::option::Option<Self> {
                match label {
                    #(#labels => ::core::option::Option::Some(#name::#variants),)*
                    _ => ::core::option::Option::None,
                }
            }
        }
        impl<__ST: ::aludel::types::SqlType> ::aludel::expr::AsExpression<__ST> for #name
        where
            #name: ::aludel::types::IntoSql<'static, __ST>,
        {
            type Expr = ::aludel::expr::Bound<'static, __ST>;
            #[inline]
            fn as_expression(self) -> Self::Expr {
                ::aludel::expr::Bound::new(self)
            }
        }
        impl<'__a, __ST: ::aludel::types::SqlType> ::aludel::expr::AsExpression<__ST> for &'__a #name
        where
            &'__a #name: ::aludel::types::IntoSql<'__a, __ST>,
        {
            type Expr = ::aludel::expr::Bound<'__a, __ST>;
            #[inline]
            fn as_expression(self) -> Self::Expr {
                ::aludel::expr::Bound::new(self)
            }
        }
    })
}
