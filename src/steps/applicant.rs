//! 申请主体: the business entity (第六条).

use crate::bind;
use crate::components::fields::{ChoiceField, Kind, TextField};
use crate::state::AppState;
use crate::steps::start::StartPanel;
use bangfu_rules::{path, CriterionId};
use leptos::prelude::*;

#[component]
pub fn ApplicantStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (name, set_name) = bind!(state, |d| d.applicant.name);
    let (code, set_code) = bind!(state, |d| d.applicant.credit_code);
    let (etype, set_etype) = bind!(state, |d| d.applicant.entity_type);
    let (rep, set_rep) = bind!(state, |d| d.applicant.legal_rep);
    let (contact, set_contact) = bind!(state, |d| d.applicant.contact_person);
    let (phone, set_phone) = bind!(state, |d| d.applicant.phone);
    let (addr, set_addr) = bind!(state, |d| d.applicant.registered_address);
    let (est, set_est) = bind!(state, |d| d.applicant.established);
    view! {
        <StartPanel />
        <section class="step" aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">"第一步：申请主体"</h2>
            <p class="lead">
                {format!("{}：{}", CriterionId::Art6.citation(), CriterionId::Art6.text())}
            </p>
            <div class="grid">
                <TextField label="经营主体名称" path=path::applicant("name") value=name on_input=set_name wide=true
                    hint="与营业执照上的名称一致" />
                <TextField label="统一社会信用代码" path=path::applicant("credit_code") value=code on_input=set_code
                    hint="18位，见营业执照" />
                <ChoiceField label="主体类型" path=path::applicant("entity_type") value=etype on_change=set_etype
                    hint="个体工商户、个人独资企业、合伙企业和分公司不具有独立法人资格" />
                <TextField label="法定代表人（负责人）" path=path::applicant("legal_rep") value=rep on_input=set_rep />
                <TextField label="联系人" path=path::applicant("contact_person") value=contact on_input=set_contact />
                <TextField label="联系电话" path=path::applicant("phone") value=phone on_input=set_phone kind=Kind::Tel />
                <TextField label="注册地址" path=path::applicant("registered_address") value=addr on_input=set_addr wide=true />
                <TextField label="成立日期" path=path::applicant("established") value=est on_input=set_est kind=Kind::Date />
            </div>
        </section>
    }
}
