//! 车间场所: where the workshop is (盟市 → 旗县 → 苏木乡镇 from `data/`) and the site itself
//! (第七条第（五）项). The county decides the minimum-wage tier used by 第七条第（三）项.

use crate::bind;
use crate::components::fields::{field_id, messages, ChoiceField, Kind, Messages, TextField};
use crate::state::AppState;
use bangfu_model::region::Regions;
use bangfu_model::SiteTenure;
use bangfu_rules::{path, CriterionId};
use leptos::prelude::*;

/// The `<option value>` that switches the township to free text.
const OTHER_TOWNSHIP: &str = "__other";

#[component]
fn RegionSelect(
    label: &'static str,
    field: &'static str,
    value: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    on_change: Callback<String>,
    #[prop(optional)] other: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path = path::site(field);
    let id = field_id(&path);
    let msg_id = format!("{id}-msg");
    // The rules' messages for this field (a county not in the list, a township of another
    // county) show here, as at every other field.
    let msgs = messages(state, path.clone());
    let shown = RwSignal::new(true);
    let invalid = move || msgs.with(|m| m.iter().any(|(_, w)| !w));
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                data-field=path
                aria-describedby=msg_id.clone()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <option value="" selected=move || value.with(String::is_empty)>"请选择"</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code selected=move || value.with(|v| *v == c)>{name}</option> }
                        })
                        .collect_view()
                }}
                {other.then(|| view! {
                    <option value=OTHER_TOWNSHIP selected=move || value.with(|v| v == OTHER_TOWNSHIP)>
                        "列表中没有，手动填写"
                    </option>
                })}
            </select>
            <Messages id=msg_id msgs=msgs shown=shown />
        </div>
    }
}

#[component]
pub fn SiteStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let regions = Regions::get();
    let pref = Signal::derive(move || state.draft.with(|d| d.site.prefecture_code.clone()));
    let county = Signal::derive(move || state.draft.with(|d| d.site.county_code.clone()));
    // The township select shows "other" when free text is in use.
    let township = Signal::derive(move || {
        state.draft.with(|d| {
            if d.site.township_code.is_empty() && !d.site.township_other.is_empty() {
                OTHER_TOWNSHIP.to_owned()
            } else {
                d.site.township_code.clone()
            }
        })
    });
    let other_open = RwSignal::new(false);
    let show_other = move || other_open.get() || township.with(|t| t == OTHER_TOWNSHIP);
    let prefectures = Signal::derive(move || {
        regions
            .prefectures
            .iter()
            .map(|p| (p.code.clone(), p.name.clone()))
            .collect()
    });
    let counties = Signal::derive(move || {
        pref.with(|p| {
            regions
                .counties_of(p)
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect()
        })
    });
    let townships = Signal::derive(move || {
        county.with(|c| {
            regions
                .townships_of(c)
                .map(|t| (t.code.clone(), format!("{}（{}）", t.name, t.kind)))
                .collect()
        })
    });
    // Changing a level clears the levels below it: a county of another prefecture makes no sense.
    let set_pref = Callback::new(move |v: String| {
        other_open.set(false);
        state.edit(|d| {
            if d.site.prefecture_code != v {
                d.site.prefecture_code = v;
                d.site.county_code.clear();
                d.site.township_code.clear();
            }
        })
    });
    let set_county = Callback::new(move |v: String| {
        other_open.set(false);
        state.edit(|d| {
            if d.site.county_code != v {
                d.site.county_code = v;
                d.site.township_code.clear();
            }
        })
    });
    let set_township = Callback::new(move |v: String| {
        other_open.set(v == OTHER_TOWNSHIP);
        state.edit(|d| {
            if v == OTHER_TOWNSHIP {
                d.site.township_code.clear();
            } else {
                d.site.township_code = v;
                d.site.township_other.clear();
            }
        })
    });
    let (other, set_other) = bind!(state, |d| d.site.township_other);
    let (village, set_village) = bind!(state, |d| d.site.village);
    let (address, set_address) = bind!(state, |d| d.site.address);
    let (tenure, set_tenure) = bind!(state, |d| d.site.tenure);
    let (area, set_area) = bind!(state, |d| d.site.area_m2);
    let (lease_start, set_lease_start) = bind!(state, |d| d.site.lease_start);
    let (lease_end, set_lease_end) = bind!(state, |d| d.site.lease_end);
    let (products, set_products) = bind!(state, |d| d.site.products);
    let (form, set_form) = bind!(state, |d| d.site.workshop_form);
    let tier_note = move || {
        county.with(|c| {
            regions.county(c).map(|c| {
                let tiers: Vec<String> = c
                    .wage_tiers
                    .iter()
                    .map(|t| {
                        format!(
                            "{}年标准第{}类{}",
                            t.year,
                            t.tier,
                            if t.verified { "" } else { "（未核实）" }
                        )
                    })
                    .collect();
                format!("{}最低工资类别：{}", c.name, tiers.join("，"))
            })
        })
    };
    view! {
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title">"第二步：车间场所"</h2>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art7_5.citation(), CriterionId::Art7_5.text())}
            </p>
            <p class="hint">"所在旗县（市、区）决定适用的最低工资标准类别（第七条第（三）项）。"</p>
            <div class="grid">
                <RegionSelect label="盟市" field="prefecture_code" value=pref options=prefectures on_change=set_pref />
                <RegionSelect label="旗县（市、区）" field="county_code" value=county options=counties on_change=set_county />
                <RegionSelect label="苏木乡镇（街道）" field="township_code" value=township options=townships on_change=set_township other=true />
                <Show when=show_other>
                    <TextField label="苏木乡镇名称（手动填写）" path=path::site("township_other") value=other on_input=set_other />
                </Show>
                <TextField label="嘎查村（社区）" path=path::site("village") value=village on_input=set_village />
                <TextField label="车间详细地址" path=path::site("address") value=address on_input=set_address wide=true />
                <ChoiceField label="场所权属" path=path::site("tenure") value=tenure on_change=set_tenure />
                <TextField label="场所面积（平方米）" path=path::site("area_m2") value=area on_input=set_area kind=Kind::Number />
                <Show when=move || tenure.get() == SiteTenure::Leased>
                    <TextField label="租赁起始日期" path=path::site("lease_start") value=lease_start on_input=set_lease_start kind=Kind::Date />
                    <TextField label="租赁终止日期" path=path::site("lease_end") value=lease_end on_input=set_lease_end kind=Kind::Date />
                </Show>
                <TextField label="产品类别（主要产品）" path=path::site("products") value=products on_input=set_products wide=true />
                <ChoiceField label="车间形式" path=path::site("workshop_form") value=form on_change=set_form />
            </div>
            <p class="hint">{tier_note}</p>
        </section>
    }
}
