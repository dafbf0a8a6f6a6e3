//! Themes: a named base (`default`, `light`, `dark`) and overrides of named
//! roles, with colours as names, 256-colour indexes or `#rrggbb`. Neutral
//! types: the reader turns them into ratatui styles.

/// A colour as the config file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// The terminal's own foreground or background.
    Reset,
    /// One of the 16 ANSI colours, 0–15 (see [`NAMES`]).
    Ansi(u8),
    /// An index of the 256-colour palette.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// The 16 ANSI colour names, by index, as ratatui names them.
pub const NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

/// Reads `reset`, a name of [`NAMES`] (`grey` too, `-`/`_`/spaces ignored),
/// a palette index `0`–`255`, or `#rrggbb`.
pub fn parse_colour(text: &str) -> Option<Colour> {
    let name: String = text
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_ascii_lowercase()
        .replace("grey", "gray");
    if name == "reset" || name == "default" {
        return Some(Colour::Reset);
    }
    if let Some(at) = NAMES.iter().position(|n| *n == name) {
        return u8::try_from(at).ok().map(Colour::Ansi);
    }
    if let Ok(index) = name.parse::<u8>() {
        return Some(Colour::Indexed(index));
    }
    let hex = name.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?))
}

impl Colour {
    /// This colour on a terminal without true colour: `#rrggbb` becomes
    /// the nearest colour of the 256-colour palette's 6×6×6 cube or grey
    /// ramp (the terminal would otherwise round it, or show nothing).
    pub fn downgraded(self, true_colour: bool) -> Colour {
        match self {
            Colour::Rgb(r, g, b) if !true_colour => Colour::Indexed(nearest_256(r, g, b)),
            other => other,
        }
    }
}

/// The levels of the palette's colour cube (indexes 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> usize {
        CUBE.iter()
            .enumerate()
            .min_by_key(|(_, l)| (i32::from(**l) - i32::from(v)).abs())
            .map_or(0, |(i, _)| i)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (CUBE[ri], CUBE[gi], CUBE[bi]);
    let distance = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    // The grey ramp, 232–255: 8, 18, …, 238.
    let average = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let step = (average.saturating_sub(3) / 10).min(23);
    let grey_level = u8::try_from(8 + step * 10).unwrap_or(238);
    let grey = (grey_level, grey_level, grey_level);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    if distance(grey) < distance(cube) {
        u8::try_from(232 + step).unwrap_or(255)
    } else {
        u8::try_from(cube_index).unwrap_or(231)
    }
}

/// Whether the terminal says it shows 24-bit colour (`COLORTERM`).
pub fn true_colour_from_env(colorterm: Option<&str>) -> bool {
    matches!(colorterm, Some("truecolor" | "24bit"))
}

/// The base themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeName {
    /// Reads well on dark and light backgrounds: the terminal's own
    /// foreground for text, colours only where any background shows them.
    #[default]
    Default,
    Light,
    Dark,
}

impl ThemeName {
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("default", ThemeName::Default),
        ("light", ThemeName::Light),
        ("dark", ThemeName::Dark),
    ];

    pub fn parse(name: &str) -> Option<ThemeName> {
        ThemeName::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, theme)| *theme)
    }
}

/// The parts of the screen a theme colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Heading,
    Text,
    Dim,
    Accent,
    Selection,
    Tick,
    Warning,
    Match,
}

impl Role {
    pub const ALL: [(&'static str, Role); 8] = [
        ("heading", Role::Heading),
        ("text", Role::Text),
        ("dim", Role::Dim),
        ("accent", Role::Accent),
        ("selection", Role::Selection),
        ("tick", Role::Tick),
        ("warning", Role::Warning),
        ("match", Role::Match),
    ];

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, role)| *role)
    }

    pub fn name(self) -> &'static str {
        Role::ALL
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("?", |(n, _)| n)
    }
}

/// A theme as configured: the base and the roles given their own colour
/// (foreground; `selection` and `match` are drawn reversed in it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    pub base: ThemeName,
    pub overrides: Vec<(Role, Colour)>,
}

impl Theme {
    /// The colour of `role`: the override, else the base theme's.
    pub fn colour(&self, role: Role) -> Colour {
        if let Some((_, colour)) = self.overrides.iter().rev().find(|(r, _)| *r == role) {
            return *colour;
        }
        base_colour(self.base, role)
    }
}

/// The base themes' colours. The default uses only colours that keep their
/// contrast on both backgrounds (no dim grey, no yellow on white): text in
/// the terminal's own colour, headings in bold (the reader adds bold).
fn base_colour(base: ThemeName, role: Role) -> Colour {
    use Colour::{Ansi, Indexed, Reset};
    match (base, role) {
        (_, Role::Text) => Reset,
        (ThemeName::Default, Role::Heading | Role::Accent) => Ansi(6),
        (ThemeName::Default, Role::Dim) => Reset,
        (ThemeName::Default, Role::Selection) => Reset,
        (ThemeName::Default, Role::Tick) => Ansi(2),
        (ThemeName::Default, Role::Warning) => Ansi(1),
        (ThemeName::Default, Role::Match) => Ansi(5),
        (ThemeName::Dark, Role::Heading | Role::Accent) => Ansi(14),
        (ThemeName::Dark, Role::Dim) => Indexed(248),
        (ThemeName::Dark, Role::Selection) => Ansi(12),
        (ThemeName::Dark, Role::Tick) => Ansi(10),
        (ThemeName::Dark, Role::Warning) => Ansi(11),
        (ThemeName::Dark, Role::Match) => Ansi(13),
        (ThemeName::Light, Role::Heading | Role::Accent) => Ansi(4),
        (ThemeName::Light, Role::Dim) => Indexed(242),
        (ThemeName::Light, Role::Selection) => Ansi(4),
        (ThemeName::Light, Role::Tick) => Ansi(2),
        (ThemeName::Light, Role::Warning) => Ansi(1),
        (ThemeName::Light, Role::Match) => Ansi(5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_by_name_index_and_hex() {
        assert_eq!(parse_colour("red"), Some(Colour::Ansi(1)));
        assert_eq!(parse_colour("Light-Blue"), Some(Colour::Ansi(12)));
        assert_eq!(parse_colour("grey"), Some(Colour::Ansi(7)));
        assert_eq!(parse_colour("reset"), Some(Colour::Reset));
        assert_eq!(parse_colour("208"), Some(Colour::Indexed(208)));
        assert_eq!(parse_colour("#FF8800"), Some(Colour::Rgb(255, 136, 0)));
        for bad in ["", "256", "#ff88", "#gg0000", "reddish"] {
            assert_eq!(parse_colour(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn true_colour_is_downgraded_to_the_nearest_palette_colour() {
        assert_eq!(
            Colour::Rgb(255, 0, 0).downgraded(false),
            Colour::Indexed(196)
        );
        assert_eq!(Colour::Rgb(0, 0, 0).downgraded(false), Colour::Indexed(16));
        assert_eq!(
            Colour::Rgb(128, 128, 128).downgraded(false),
            Colour::Indexed(244)
        );
        assert_eq!(Colour::Rgb(1, 2, 3).downgraded(true), Colour::Rgb(1, 2, 3));
        assert_eq!(Colour::Ansi(3).downgraded(false), Colour::Ansi(3));
        assert!(true_colour_from_env(Some("truecolor")));
        assert!(!true_colour_from_env(Some("")) && !true_colour_from_env(None));
    }

    #[test]
    fn overrides_win_over_the_base() {
        let theme = Theme {
            base: ThemeName::Light,
            overrides: vec![(Role::Heading, Colour::Ansi(1))],
        };
        assert_eq!(theme.colour(Role::Heading), Colour::Ansi(1));
        assert_eq!(theme.colour(Role::Tick), Colour::Ansi(2));
        assert_eq!(ThemeName::parse("DARK"), Some(ThemeName::Dark));
        assert_eq!(Role::parse("match").map(Role::name), Some("match"));
    }
}
