//! Which characters can be printed: the core face, the on-demand slices, and what no font has.

mod common;

use bangfu_packet::{
    build_packet, draft_chars, missing_chars, FontManifest, Fonts, PacketError, PacketOptions,
};
use common::*;

fn core_only() -> Fonts {
    let dir = font_dir();
    let manifest = FontManifest::parse(
        &std::fs::read_to_string(dir.join("manifest.json")).expect("run `bash scripts/fonts.sh`"),
    )
    .expect("manifest");
    Fonts::new(
        std::fs::read(dir.join(&manifest.regular.file)).expect("core"),
        std::fs::read(dir.join(&manifest.bold.file)).expect("bold"),
    )
    .expect("fonts")
}

fn with_names(names: &[&str]) -> bangfu_model::Draft {
    let mut d = qualifying(6);
    for (e, n) in d.employees.iter_mut().zip(names) {
        e.name = (*n).to_owned();
    }
    d
}

#[test]
fn rare_name_characters_fetch_only_the_slices_that_hold_them() {
    let draft = with_names(&["张堃", "李喆", "刘䶮"]);
    let core = core_only();
    // The core face has the common surnames (the project's own sample names) but not these...
    assert_eq!(missing_chars(&draft, &core), vec!['䶮', '喆', '堃']);
    // ...so the worker fetches the slices holding them, and only those.
    let dir = font_dir();
    let manifest =
        FontManifest::parse(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"))
            .expect("manifest");
    let slices = manifest.slices_for(core.missing(draft_chars(&draft)));
    assert!(
        !slices.is_empty() && slices.len() <= 3,
        "{} slices",
        slices.len()
    );
    assert!(slices.len() < manifest.slices.len());
    let fonts = fonts_for(&draft);
    assert!(missing_chars(&draft, &fonts).is_empty());
    let b = build(draft);
    let text = squash(&page_texts(&b.pdf).concat());
    for name in ["张堃", "李喆", "刘䶮"] {
        assert!(text.contains(name), "{name} not printed");
    }
}

#[test]
fn characters_no_font_has_are_reported_and_nothing_is_printed() {
    // Mongolian script and an emoji: Noto Serif SC has neither.
    let draft = with_names(&["ᠪᠠᠲᠤ", "王😀"]);
    let fonts = fonts_for(&draft);
    let missing = missing_chars(&draft, &fonts);
    assert_eq!(missing, vec!['ᠠ', 'ᠤ', 'ᠪ', 'ᠲ', '😀']);
    let a = bangfu_rules::assess(&draft, date());
    let err = build_packet(
        &draft,
        &a,
        &fonts,
        &PacketOptions::china_time(now()),
        &mut |_, _| {},
    )
    .expect_err("must refuse");
    assert_eq!(err, PacketError::MissingChars(missing));
    let message = err.to_string();
    assert!(
        message.contains("「ᠪ」") && message.contains("「😀」"),
        "{message}"
    );
}

#[test]
fn core_face_prints_county_names_and_punctuation_and_slices_every_township() {
    let core = core_only();
    let regions = bangfu_model::region::Regions::get();
    // Every packet may print a county or prefecture (the wage tier's explanation): in the core.
    let mut chars: Vec<char> = regions
        .counties
        .iter()
        .map(|c| c.name.as_str())
        .chain(regions.prefectures.iter().map(|p| p.name.as_str()))
        .flat_map(str::chars)
        .collect();
    chars.extend("，。、；：？！（）《》“”‘’…—·０１２３ＡＢＣabcXYZ0123456789-/.,:%¥".chars());
    assert_eq!(core.missing(chars), Vec::<char>::new());
    // A packet prints only its own township: the slices its characters name have them all.
    let dir = font_dir();
    let manifest =
        FontManifest::parse(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"))
            .expect("manifest");
    let mut fonts = core_only();
    let townships: Vec<char> = regions
        .townships
        .iter()
        .flat_map(|t| t.name.chars())
        .collect();
    for slice in manifest.slices_for(fonts.missing(townships.iter().copied())) {
        let bytes = std::fs::read(dir.join(&slice.file)).expect("slice");
        fonts.add_regular(&slice.file, bytes).expect("font");
    }
    assert_eq!(fonts.missing(townships), Vec::<char>::new());
}

#[test]
fn whitespace_and_control_characters_are_not_reported() {
    let draft = with_names(&["王\t建国", " 李 四 \n"]);
    assert!(missing_chars(&draft, &core_only()).is_empty());
}

/// Invisible characters pasted from WeChat (zero-width space, BOM, bidi marks) and a control
/// character in an ID number neither block the packet nor print as boxes.
#[test]
fn invisible_and_control_characters_never_block_the_packet() {
    let mut draft = bangfu_rules::sample::qualifying_draft(6, 3, common::date());
    draft.employees[0].name = "王\u{200B}五\u{FEFF}".into();
    draft.employees[1].id_number.insert(3, '\u{7}');
    draft.employees[2].post = "\u{202E}缝纫工\u{200E}".into();
    draft.applicant.name.push('\u{2060}');
    let fonts = common::fonts_for(&draft);
    assert!(bangfu_packet::missing_chars(&draft, &fonts).is_empty());
    let built = common::build(draft);
    let text = common::squash(&common::page_texts(&built.pdf).concat());
    assert!(
        text.contains("王五"),
        "the name prints without the invisible characters"
    );
    assert!(!text.contains('\u{202E}'));
}

/// A character no font has is reported with the person and the field it is in.
#[test]
fn a_missing_character_is_named_with_the_person_and_field() {
    let mut draft = bangfu_rules::sample::qualifying_draft(3, 1, common::date());
    draft.employees[1].post = "缝纫工\u{1F600}".into();
    let m = bangfu_packet::missing_message(&draft, &['\u{1F600}']);
    let who = draft.employees[1].name.trim().to_owned();
    assert!(
        m.contains(&format!("第2名员工「{who}」的岗位：「\u{1F600}」")),
        "{m}"
    );
}
