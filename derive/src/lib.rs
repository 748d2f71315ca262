//! Derive macros for aludel: `#[derive(FromRow)]` maps result rows onto a struct.

use proc_macro::TokenStream;
use quote::quote;
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
    let mut where_clause = where_clause.cloned().unwrap_or_else(|| syn::parse_quote!(where));
    where_clause.predicates.push(syn::parse_quote!((#(#types,)*): ::aludel::types::FromRow<__ST>));
    Ok(quote! {
        impl #impl_generics ::aludel::types::FromRow<__ST> for #name #ty_generics #where_clause {
            #[inline]
            fn from_row<__R: ::aludel::types::SqlRow + ?Sized>(row: &mut __R) -> ::aludel::Result<Self> {
                let (#(#bindings,)*) = <(#(#types,)*) as ::aludel::types::FromRow<__ST>>::from_row(row)?;
                ::core::result::Result::Ok(#construct)
            }
        }
    })
}
