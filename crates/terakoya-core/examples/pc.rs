fn main() {
    let s = std::env::args().nth(1).unwrap();
    let opts = pulldown_cmark::Options::ENABLE_TABLES;
    for (e, r) in pulldown_cmark::Parser::new_ext(&s, opts).into_offset_iter() {
        println!("{:?} {:?} {:?}", e, r.clone(), &s[r]);
    }
}
