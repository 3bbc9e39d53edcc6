//! The fixed lists of the review record, declared like the draft's choices (code, Chinese label,
//! `Unspecified` first) so the UI renders them with the same select component.

use bangfu_model::choice;
use bangfu_rules::Status;

choice! {
    /// 审查方式 of one criterion (several may apply).
    Method {
        Documents = ("documents", "查阅资料"),
        SiteVisit = ("site_visit", "实地查看"),
        Interview = ("interview", "访谈"),
        PhoneCheck = ("phone_check", "电话抽查"),
    }
}

choice! {
    /// 核实结果 of one criterion.
    ReviewResult {
        Met = ("met", "符合"),
        NotMet = ("not_met", "不符合"),
        /// Something must be supplied before the criterion can be judged.
        ToSupplement = ("to_supplement", "待补正"),
    }
}

impl ReviewResult {
    /// The result that agrees with the app's verdict: 信息不完整 is 待补正.
    ///
    /// # Examples
    /// ```
    /// use bangfu_review::ReviewResult;
    /// use bangfu_rules::Status;
    /// assert_eq!(ReviewResult::matching(Status::Incomplete), ReviewResult::ToSupplement);
    /// ```
    pub fn matching(status: Status) -> Self {
        match status {
            Status::Met => ReviewResult::Met,
            Status::NotMet => ReviewResult::NotMet,
            Status::Incomplete => ReviewResult::ToSupplement,
        }
    }
}

choice! {
    /// 审查结论 (第八条第（二）项; 不符合 with written reasons, 第八条第（五）项).
    Conclusion {
        Qualifies = ("qualifies", "符合条件，拟公示"),
        Rejected = ("rejected", "不符合"),
        ToSupplement = ("to_supplement", "待补正"),
    }
}

choice! {
    /// Whether a sampled worker was reached.
    Reached {
        Yes = ("yes", "已联系上"),
        No = ("no", "未联系上"),
    }
}

choice! {
    /// What a sampled worker confirmed (在岗, 工资到账, 签订协议).
    Answer {
        Yes = ("yes", "是"),
        No = ("no", "否"),
        Unsure = ("unsure", "说不清"),
    }
}

choice! {
    /// 公示期内有无异议.
    Objections {
        None = ("none", "无异议"),
        Some = ("some", "有异议"),
    }
}
