use super::*;

#[test]
fn labels_are_recognised_whole() {
    assert_eq!(label("第6回 〔2時限〕").as_deref(), Some("第6回 〔2時限〕"));
    assert_eq!(label("【第6回】").as_deref(), Some("第6回"));
    assert_eq!(label("第十二講").as_deref(), Some("第十二講"));
    assert_eq!(label("（2時限）").as_deref(), Some("（2時限）"));
    assert_eq!(label("Lesson 6").as_deref(), Some("Lesson 6"));
    assert_eq!(label("第6回 医師とSNS"), None);
    assert_eq!(label("【お知らせ】"), None);
    assert_eq!(label("2024年"), None);
    assert_eq!(label("Lessons learned"), None);
}

#[test]
fn a_label_before_a_title_is_split_off() {
    assert_eq!(
        split_label_prefix("【第6回】医師とSNS"),
        Some(("第6回".into(), "医師とSNS".into()))
    );
    assert_eq!(
        split_label_prefix("第6回〔2時限〕：医師とSNS"),
        Some(("第6回 〔2時限〕".into(), "医師とSNS".into()))
    );
    assert_eq!(split_label_prefix("医師とSNS 第6回"), None);
    assert_eq!(split_label_prefix("第6回"), None);
}

#[test]
fn headings_by_shape() {
    assert_eq!(
        shape_heading("■ 守秘義務の線").as_deref(),
        Some("守秘義務の線")
    );
    assert_eq!(shape_heading("●まとめ").as_deref(), Some("まとめ"));
    assert_eq!(shape_heading("【まとめ】").as_deref(), Some("まとめ"));
    assert_eq!(
        shape_heading("■ 投稿する前に、一度だけ読み返してください。"),
        None
    );
    assert_eq!(shape_heading("【注意】と【補足】"), None);
    assert_eq!(shape_heading("普通の文"), None);
}

#[test]
fn list_lines_lose_their_markers() {
    assert_eq!(
        list_line("・症例は書かない"),
        Some(("症例は書かない".into(), false))
    );
    assert_eq!(list_line("1. 一つ目"), Some(("一つ目".into(), true)));
    assert_eq!(
        list_line("１．全角の番号"),
        Some(("全角の番号".into(), true))
    );
    assert_eq!(list_line("②丸数字"), Some(("丸数字".into(), true)));
    assert_eq!(list_line("（3）括弧"), Some(("括弧".into(), true)));
    assert_eq!(list_line("2024年の話"), None);
    assert_eq!(list_line("(注) 補足"), None);
}

#[test]
fn summary_and_profile_headings() {
    assert!(is_summary_heading("まとめ"));
    assert!(is_summary_heading("今回のポイント"));
    assert!(is_summary_heading("Key points"));
    assert!(!is_summary_heading("守秘義務の線を引く"));
    assert!(is_profile_heading("講師プロフィール"));
    assert!(is_profile_heading("About the author"));
    assert!(!is_profile_heading(
        "講師の先生に質問するときの心がまえと準備の仕方について"
    ));
}

#[test]
fn lecturer_lines() {
    assert_eq!(
        lecturer_line("講師：早瀬 美月").as_deref(),
        Some("早瀬 美月")
    );
    assert_eq!(
        lecturer_line("Author: Jane Roe").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(lecturer_line("講師の話を聞いて、考えました。"), None);
}
