//! Privacy exemptions: every notice of the period with a `隐私豁免`, and its reason, so that
//! the county reviews each decision to publish an identifier. The reason is shown masked
//! like all report text: the exemption covers the notice's own page and printout only.

use super::Cx;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Exemption {
    pub file: String,
    pub reason: String,
    pub title: String,
    pub township: String,
    pub village: String,
    pub item: String,
    #[serde(serialize_with = "super::date")]
    pub published: jiff::civil::Date,
}

pub fn collect(cx: &Cx) -> Vec<Exemption> {
    let mut out = Vec::new();
    for t in cx.townships() {
        for i in cx.notices_of(t) {
            let n = &cx.site.notices[i];
            let Some(reason) = n.exemption.as_deref().filter(|_| cx.in_period(n)) else {
                continue;
            };
            out.push(Exemption {
                file: cx.clean(&n.rel),
                reason: cx.clean(reason),
                title: cx.clean(&n.title),
                township: cx.site.config.townships[t].name.clone(),
                village: cx.village_name(n),
                item: cx.site.catalogs.item(n.item).id.clone(),
                published: n.published,
            });
        }
    }
    out
}
