//! The one place where the theme's roles become ratatui styles. Every view
//! takes its styles from the app's [`Styles`], made once at startup from
//! the config's theme and the terminal (true colour or not, `NO_COLOR`).
//!
//! Every style that must stand out does so without colour too: headings
//! and titles are bold, the selection, the focused title and warnings are
//! reversed, search matches are reversed and underlined. So with
//! `NO_COLOR` (colours dropped here and again from the drawn frame) the
//! screen still reads.

use ratatui::style::{Color, Modifier, Style};

use crate::config::theme::{Colour, Role, Theme};

/// How the terminal shows colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourSupport {
    /// 256 colours: `#rrggbb` goes to the nearest palette colour.
    #[default]
    Palette,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColour,
    /// No colour at all (`NO_COLOR` set and not empty, or `TERM=dumb`).
    None,
}

impl ColourSupport {
    /// From the environment's `NO_COLOR`, `TERM` and `COLORTERM`.
    pub fn from_env(no_color: Option<&str>, term: Option<&str>, colorterm: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb") {
            ColourSupport::None
        } else if crate::config::theme::true_colour_from_env(colorterm) {
            ColourSupport::TrueColour
        } else {
            ColourSupport::Palette
        }
    }
}

/// The styles the views draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styles {
    /// The lesson's title and lecturer, the end line.
    pub title: Style,
    /// The title row of the pane keys act on.
    pub focused_title: Style,
    pub unfocused_title: Style,
    pub heading: Style,
    /// Running text.
    pub text: Style,
    /// Labels (`Lecture 3`) above a title.
    pub label: Style,
    /// The lecturer's biography.
    pub bio: Style,
    /// Rules, scrollbars, bullets, the hints.
    pub dim: Style,
    pub selected: Style,
    /// Ticked points, read sections, the gauge's filled part.
    pub done: Style,
    /// An information message in the status line.
    pub status: Style,
    pub warning: Style,
    /// A search match.
    pub matched: Style,
}

impl Default for Styles {
    fn default() -> Self {
        Styles::new(&Theme::default(), ColourSupport::Palette)
    }
}

impl Styles {
    pub fn new(theme: &Theme, support: ColourSupport) -> Styles {
        let fg = |role: Role| match colour(theme.colour(role), support) {
            Some(color) => Style::new().fg(color),
            None => Style::new(),
        };
        let bold = Modifier::BOLD;
        let reversed = Modifier::REVERSED;
        Styles {
            title: fg(Role::Text).add_modifier(bold),
            focused_title: fg(Role::Accent).add_modifier(bold | reversed),
            unfocused_title: fg(Role::Dim).add_modifier(bold),
            heading: fg(Role::Heading).add_modifier(bold),
            text: fg(Role::Text),
            label: fg(Role::Accent),
            bio: fg(Role::Text).add_modifier(Modifier::ITALIC),
            dim: fg(Role::Dim),
            selected: fg(Role::Selection).add_modifier(reversed),
            done: fg(Role::Tick),
            status: fg(Role::Accent).add_modifier(bold),
            warning: fg(Role::Warning).add_modifier(bold | reversed),
            matched: fg(Role::Match).add_modifier(reversed | Modifier::UNDERLINED),
        }
    }
}

/// A theme colour as ratatui's, if the terminal is to get colour at all.
fn colour(colour: Colour, support: ColourSupport) -> Option<Color> {
    let colour = match support {
        ColourSupport::None => return None,
        ColourSupport::Palette => colour.downgraded(false),
        ColourSupport::TrueColour => colour.downgraded(true),
    };
    Some(match colour {
        Colour::Reset => Color::Reset,
        Colour::Ansi(index) => ANSI
            .get(usize::from(index))
            .copied()
            .unwrap_or(Color::Reset),
        Colour::Indexed(index) => Color::Indexed(index),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    })
}

/// ratatui's names of the 16 ANSI colours, by index (as `theme::NAMES`).
const ANSI: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::theme::ThemeName;

    fn no_colour(style: Style) -> bool {
        style.fg.is_none() && style.bg.is_none()
    }

    #[test]
    fn without_colour_the_roles_stay_apart_by_attributes() {
        let styles = Styles::new(&Theme::default(), ColourSupport::None);
        for style in [
            styles.title,
            styles.focused_title,
            styles.heading,
            styles.selected,
            styles.warning,
            styles.matched,
            styles.done,
            styles.dim,
        ] {
            assert!(no_colour(style), "{style:?}");
        }
        assert!(styles.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(styles.heading.add_modifier.contains(Modifier::BOLD));
        assert!(styles.warning.add_modifier.contains(Modifier::REVERSED));
        assert!(styles.matched.add_modifier.contains(Modifier::UNDERLINED));
        assert_ne!(styles.selected, styles.matched);
    }

    #[test]
    fn the_default_theme_has_no_dim_grey_and_no_yellow() {
        let styles = Styles::default();
        let all = [
            styles.title,
            styles.focused_title,
            styles.unfocused_title,
            styles.heading,
            styles.text,
            styles.label,
            styles.bio,
            styles.dim,
            styles.selected,
            styles.done,
            styles.status,
            styles.warning,
            styles.matched,
        ];
        for style in all {
            assert!(!style.add_modifier.contains(Modifier::DIM), "{style:?}");
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(
                        colour,
                        Color::Yellow | Color::LightYellow | Color::DarkGray | Color::Gray
                    ),
                    "{style:?}"
                );
            }
        }
    }

    #[test]
    fn overrides_and_true_colour_reach_the_styles() {
        let theme = Theme {
            base: ThemeName::Dark,
            overrides: vec![(Role::Heading, Colour::Rgb(224, 160, 64))],
        };
        let palette = Styles::new(&theme, ColourSupport::Palette);
        let full = Styles::new(&theme, ColourSupport::TrueColour);
        assert_eq!(full.heading.fg, Some(Color::Rgb(224, 160, 64)));
        assert!(matches!(palette.heading.fg, Some(Color::Indexed(_))));
        assert_eq!(full.done.fg, Some(Color::LightGreen));
        assert_eq!(
            ColourSupport::from_env(Some("1"), None, Some("truecolor")),
            ColourSupport::None
        );
        assert_eq!(
            ColourSupport::from_env(Some(""), Some("dumb"), None),
            ColourSupport::None
        );
        assert_eq!(
            ColourSupport::from_env(None, None, Some("24bit")),
            ColourSupport::TrueColour
        );
    }
}
