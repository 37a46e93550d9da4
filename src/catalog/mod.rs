//! The 26 standard catalogs (and a county's own additions): model, loading, lookup.

mod load;
mod lookup;
mod model;

pub use load::{builtin_files, load_all, parse_file};
pub use lookup::{Found, ItemIndex, ItemRef};
pub use model::{Domain, Element, Frequency, Item, Level, Limit, Origin, Periodic};

/// Every loaded domain with a lookup index over their items.
pub struct Catalogs {
    pub domains: Vec<Domain>,
    pub index: ItemIndex,
}

impl Catalogs {
    pub fn new(domains: Vec<Domain>) -> Catalogs {
        let index = ItemIndex::new(&domains);
        Catalogs { domains, index }
    }

    pub fn load(root: &std::path::Path, diags: &mut crate::diag::Diagnostics) -> Catalogs {
        Catalogs::new(load_all(root, diags))
    }

    pub fn item(&self, r: ItemRef) -> &Item {
        &self.domains[r.domain].items[r.item]
    }

    pub fn domain(&self, r: ItemRef) -> &Domain {
        &self.domains[r.domain]
    }

    pub fn domain_by_slug(&self, slug: &str) -> Option<&Domain> {
        self.domains
            .iter()
            .find(|d| d.slug == slug || d.name == slug || d.aliases.iter().any(|a| a == slug))
    }
}
