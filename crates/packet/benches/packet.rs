//! Bench binary (`cargo bench -p bangfu-packet --bench packet`): packets of 300 and 3,000
//! employees (6 wage months each), natively. Prints time per packet (best and median of a few
//! runs), PDF size, pages, the bytes of the fonts embedded in the PDF (subset, as stored), and
//! the bytes of font files a browser would download for the draft (as stored and gzip -9, the
//! figure issue 13 budgets for the first packet with the worker: ≤ 1.5 MB for 25 people, ≤ 2.5 MB
//! for 300).
//! Goals (issue 5): 300 employees ≤ 1 s and ≤ 1 MB; 3,000 ≤ 8 s.

use std::path::Path;
use std::time::{Duration, Instant};

use bangfu_packet::{build_packet, draft_chars, Fonts, PacketOptions};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    if !dir.join("manifest.json").is_file() {
        eprintln!(
            "no fonts in {}: run `bash scripts/fonts.sh` first",
            dir.display()
        );
        std::process::exit(1);
    }
    let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 3, 1) else {
        return;
    };
    let Some(now) = date.and_hms_opt(9, 0, 0) else {
        return;
    };
    for (n, runs, names) in [
        (25usize, 5usize, Names::Sample),
        (25, 5, Names::Common),
        (300, 5, Names::Sample),
        (300, 5, Names::Common),
        (3000, 3, Names::Sample),
    ] {
        let mut draft = bangfu_rules::sample::qualifying_draft(n, 6, date);
        if names == Names::Common {
            for (i, e) in draft.employees.iter_mut().enumerate() {
                e.name = common_name(i);
            }
        }
        let assessment = bangfu_rules::assess(&draft, date);
        let t = Instant::now();
        let fonts = match Fonts::load_dir(&dir, &draft_chars(&draft)) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("fonts: {e}");
                std::process::exit(1);
            }
        };
        let load = t.elapsed();
        let mut times: Vec<Duration> = Vec::new();
        let mut last = Vec::new();
        let mut pages = 0;
        for _ in 0..runs {
            let t = Instant::now();
            match build_packet(
                &draft,
                &assessment,
                &fonts,
                &PacketOptions::china_time(now),
                &mut |_, total| pages = total - 1,
            ) {
                Ok(pdf) => last = pdf,
                Err(e) => {
                    eprintln!("packet: {e}");
                    std::process::exit(1);
                }
            }
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{n:>5} employees ({}): best {:>7.3} s, median {:>7.3} s; {pages} pages, PDF {:.1} KB \
             (fonts in it {}); fonts downloaded {:.1} KB ({:.1} KB gzip) in {} files (read {:.3} s)",
            names.label(),
            times[0].as_secs_f64(),
            times[times.len() / 2].as_secs_f64(),
            last.len() as f64 / 1024.0,
            embedded_fonts(&last),
            fonts.total_bytes() as f64 / 1024.0,
            fonts.files().map(|f| gzip_len(f.bytes())).sum::<usize>() as f64 / 1024.0,
            fonts.regular_faces() + 1,
            load.as_secs_f64(),
        );
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// The sample's own names: they are in the project's sources, so in the core font.
    Sample,
    /// Names as a roster has them ([`common_name`]): what the font slices are for.
    Common,
}

impl Names {
    fn label(self) -> &'static str {
        match self {
            Names::Sample => "sample names",
            Names::Common => "common names",
        }
    }
}

/// Common surnames and given-name characters, and Mongolian names written in hanzi; kept here,
/// outside the sources the core font is cut from, so a packet of them fetches slices as a real
/// roster does.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞鑫宇浩凯健俊帆帅旭宁婷雪琳晶莉燕丹慧巧美娥翠凤琴云莲真环瑶怡婉倩颖欣佳蕾薇菲晨阳辉斌波志成荣峰福生龙元全国胜学祥才发武新利清彬富顺信子昌进有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆民友裕河哲江亮政谦亨奇固之轮翰朗伯宏言若鸣朋梁栋维启克伦翔泽辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";
const MONGOLIAN: [&str; 12] = [
    "乌日娜",
    "图雅",
    "朝鲁",
    "那顺",
    "吉日嘎拉",
    "敖特根",
    "哈斯",
    "满都拉",
    "格日勒",
    "塔娜",
    "孟和",
    "包布和",
];

fn common_name(i: usize) -> String {
    if i % 7 == 3 {
        return MONGOLIAN[i % MONGOLIAN.len()].to_owned();
    }
    let s: Vec<char> = SURNAMES.chars().collect();
    let g: Vec<char> = GIVEN.chars().collect();
    let mut name = format!("{}{}", s[(i * 7) % s.len()], g[(i * 13) % g.len()]);
    if !i.is_multiple_of(3) {
        name.push(g[(i * 29 + 5) % g.len()]);
    }
    name
}

/// Bytes of `data` compressed as a server sends it (gzip -9).
fn gzip_len(data: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    if e.write_all(data).is_err() {
        return 0;
    }
    e.finish().map_or(0, |v| v.len())
}

/// The embedded font programs (`FontFile2` streams, as stored) of a PDF, e.g.
/// "150.1 KB: 118.4 + 31.7", largest first.
fn embedded_fonts(pdf: &[u8]) -> String {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else {
        return "unreadable".into();
    };
    let mut sizes: Vec<usize> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"FontFile2").and_then(|f| f.as_reference()).ok())
        .filter_map(|r| doc.get_object(r).and_then(|o| o.as_stream()).ok())
        .map(|s| s.content.len())
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let kb = |b: usize| format!("{:.1}", b as f64 / 1024.0);
    let parts: Vec<String> = sizes.iter().map(|&b| kb(b)).collect();
    format!("{} KB: {}", kb(sizes.iter().sum()), parts.join(" + "))
}
