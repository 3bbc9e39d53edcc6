//! Line breaking as Chinese is set: no line starts with a closing mark or ends with an opening
//! one; numbers stay whole when they fit; lines never exceed the width.

mod common;

use bangfu_packet::text::Metrics;
use common::*;

const NO_START: &str = "，。、；：？！）》」』】〕〉”’…%";
const NO_END: &str = "（《「『【〔〈“‘";

#[test]
fn wrapped_lines_respect_the_line_breaking_rules() {
    let draft = qualifying(1);
    let fonts = fonts_for(&draft);
    let m = Metrics::new(&fonts);
    let text = "根据《内蒙古自治区就业帮扶车间管理办法》（内乡振字〔2022〕17号）第七条，\
        吸纳脱贫人口就业人数5名以上；用工50人（含）以上的，须占务工总人数的10%以上。\
        “稳定就业”按自然月计算（民法典第二百零二条），身份证号11010519491231002X、\
        工资2,270.00元……均可核对。";
    for width in (60..=400).step_by(7) {
        let width = width as f32;
        let lines = m.wrap(text, width, 10.5, false);
        assert_eq!(
            squash(&lines.concat()),
            squash(text),
            "width {width}: text lost"
        );
        for (i, line) in lines.iter().enumerate() {
            let first = line.chars().next().unwrap_or(' ');
            let last = line.chars().last().unwrap_or(' ');
            assert!(
                !NO_START.contains(first) || i == 0,
                "width {width}: «{line}» starts with {first}"
            );
            assert!(
                !NO_END.contains(last),
                "width {width}: «{line}» ends with {last}"
            );
            // A closing mark may hang past the edge by itself, nothing more.
            let w = m.width(line.trim_end_matches(|c| NO_START.contains(c)), 10.5, false);
            assert!(w <= width + 0.5, "width {width}: «{line}» is {w}");
        }
    }
}

#[test]
fn numbers_stay_whole_when_the_line_has_room_for_them() {
    let draft = qualifying(1);
    let fonts = fonts_for(&draft);
    let m = Metrics::new(&fonts);
    let lines = m.wrap("身份证号 11010519491231002X 已核对", 150.0, 10.5, false);
    assert!(
        lines.iter().any(|l| l.contains("11010519491231002X")),
        "{lines:?}"
    );
}

#[test]
fn cells_shrink_before_they_wrap() {
    let draft = qualifying(1);
    let fonts = fonts_for(&draft);
    let m = Metrics::new(&fonts);
    let text = "内蒙古自治区呼和浩特市土默特左旗";
    let natural = m.width(text, 9.5, false);
    assert_eq!(m.shrink_to_fit(text, natural + 1.0, 9.5, 7.5), Some(9.5));
    let s = m
        .shrink_to_fit(text, natural * 0.9, 9.5, 7.5)
        .expect("shrinks");
    assert!((7.5..9.5).contains(&s));
    assert_eq!(m.shrink_to_fit(text, natural * 0.5, 9.5, 7.5), None);
}
