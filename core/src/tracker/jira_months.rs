//! Month names and AM/PM markers as Jira writes them in its users' locales.
//!
//! Jira formats a date with its configured Java pattern (by default `dd/MMM/yy h:mm a`)
//! in the exporting user's locale, so the same instant is `12/Mar/24 3:15 PM` for one
//! user, `12/mars/24 3:15 PM` for a French one, `12/Dez/24` for a German one and
//! `12/dic/24 3:15 p. m.` for a Spanish one. The names below are those of the JDK's
//! locale data (CLDR since Java 9, e.g. `janv.`, `März`, `Sept.`; and the older JRE
//! data, e.g. `Mär`, `Sep`), for English, French, German, Spanish, Portuguese, Italian,
//! Dutch, Swedish, Danish, Norwegian, Polish and Russian, plus the numbered months of
//! Japanese, Chinese and Korean (`3月`, `3월`).
//!
//! No name means two different months in two of these languages (checked by a test),
//! so a file is read without knowing its language, and a name outside the table is an
//! error, never a guess.
//!
//! Source: Unicode CLDR, "Date/Time Patterns: abbreviated months", per locale,
//! <https://www.unicode.org/cldr/charts/latest/by_type/date_&_time.gregorian.html>.

/// The languages whose month names are read, for error messages.
pub(crate) const LANGUAGES: &str = "English, French, German, Spanish, Portuguese, Italian, Dutch, Swedish, Danish, Norwegian, Polish, Russian, Japanese, Chinese, Korean";

/// Each month's names, lowercase, without a trailing period: abbreviations (CLDR and
/// the older JRE forms) and full names (a `MMMM` pattern), accented and as written
/// without accents.
const MONTHS: [&[&str]; 12] = [
    &[
        "jan",
        "january",
        "janv",
        "janvier",
        "januar",
        "ene",
        "enero",
        "janeiro",
        "gen",
        "gennaio",
        "januari",
        "januar",
        "sty",
        "stycznia",
        "styczeń",
        "styczen",
        "янв",
        "января",
        "январь",
    ],
    &[
        "feb",
        "february",
        "févr",
        "fevr",
        "février",
        "fevrier",
        "februar",
        "febr",
        "febrero",
        "fev",
        "fevereiro",
        "febbraio",
        "februari",
        "lut",
        "lutego",
        "luty",
        "февр",
        "фев",
        "февраля",
        "февраль",
    ],
    &[
        "mar",
        "march",
        "mars",
        "mär",
        "märz",
        "marz",
        "marzo",
        "março",
        "marco",
        "mrt",
        "maart",
        "marts",
        "mars",
        "marca",
        "marzec",
        "мар",
        "марта",
        "март",
    ],
    &[
        "apr",
        "april",
        "avr",
        "avril",
        "abr",
        "abril",
        "aprile",
        "kwi",
        "kwietnia",
        "kwiecień",
        "kwiecien",
        "апр",
        "апреля",
        "апрель",
    ],
    &[
        "may", "mai", "mayo", "maio", "mag", "maggio", "mei", "maj", "maja", "мая", "май",
    ],
    &[
        "jun", "june", "juin", "juni", "junio", "junho", "giu", "giugno", "cze", "czerwca",
        "czerwiec", "июн", "июня", "июнь",
    ],
    &[
        "jul", "july", "juil", "juillet", "juli", "julio", "julho", "lug", "luglio", "lip",
        "lipca", "lipiec", "июл", "июля", "июль",
    ],
    &[
        "aug",
        "august",
        "août",
        "aout",
        "ago",
        "agosto",
        "augustus",
        "sie",
        "sierpnia",
        "sierpień",
        "sierpien",
        "авг",
        "августа",
        "август",
    ],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "set",
        "setembro",
        "settembre",
        "wrz",
        "września",
        "wrzesnia",
        "wrzesień",
        "wrzesien",
        "сент",
        "сен",
        "сентября",
        "сентябрь",
    ],
    &[
        "oct",
        "october",
        "octobre",
        "okt",
        "oktober",
        "octubre",
        "out",
        "outubro",
        "ott",
        "ottobre",
        "paź",
        "paz",
        "października",
        "pazdziernika",
        "październik",
        "pazdziernik",
        "окт",
        "октября",
        "октябрь",
    ],
    &[
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "lis",
        "listopada",
        "listopad",
        "нояб",
        "ноя",
        "ноября",
        "ноябрь",
    ],
    &[
        "dec",
        "december",
        "déc",
        "décembre",
        "decembre",
        "dez",
        "dezember",
        "dic",
        "diciembre",
        "dezembro",
        "dicembre",
        "gru",
        "grudnia",
        "grudzień",
        "grudzien",
        "дек",
        "декабря",
        "декабрь",
    ],
];

/// The month (1..=12) a month name stands for, in any of the [`LANGUAGES`] and any
/// case, with or without a trailing period (`Mar`, `janv.`, `März`, `dic`, `3月`).
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let name = name.trim().trim_end_matches('.').to_lowercase();
    // Japanese and Chinese `3月`, Korean `3월`.
    if let Some(number) = name.strip_suffix('月').or_else(|| name.strip_suffix('월')) {
        return number.parse().ok().filter(|month| (1..=12).contains(month));
    }
    MONTHS
        .iter()
        .zip(1..)
        .find_map(|(names, month)| names.contains(&name.as_str()).then_some(month))
}

/// Whether an AM/PM marker is the afternoon (`Some(true)`), the morning
/// (`Some(false)`), or not a marker (`None`): `AM`, `a.m.`, `a. m.` (Spanish), `vorm.`
/// (older German), `fm`/`em` (Swedish), `午前`/`午後`, `上午`/`下午`, `오전`/`오후`.
pub(crate) fn afternoon(marker: &str) -> Option<bool> {
    let marker: String = marker
        .chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '.')
        .flat_map(char::to_lowercase)
        .collect();
    match marker.as_str() {
        "am" | "vorm" | "fm" | "午前" | "上午" | "오전" => Some(false),
        "pm" | "nachm" | "em" | "午後" | "下午" | "오후" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_stands_for_two_months() {
        let mut seen = std::collections::HashMap::new();
        for (names, month) in MONTHS.iter().zip(1..) {
            for name in names.iter() {
                if let Some(other) = seen.insert(*name, month) {
                    assert_eq!(other, month, "{name} is month {other} and {month}");
                }
                assert_eq!(month_number(name), Some(month), "{name}");
            }
        }
    }

    #[test]
    fn names_as_the_locales_write_them() {
        for (name, month) in [
            ("Jan", 1),
            ("janv.", 1),
            ("févr.", 2),
            ("März", 3),
            ("Mär", 3),
            ("mrt.", 3),
            ("avr.", 4),
            ("Mai", 5),
            ("mag", 5),
            ("juin", 6),
            ("juil.", 7),
            ("août", 8),
            ("Sept.", 9),
            ("set.", 9),
            ("out.", 10),
            ("paź", 10),
            ("нояб.", 11),
            ("Dez.", 12),
            ("dic", 12),
            ("12月", 12),
            ("3월", 3),
        ] {
            assert_eq!(month_number(name), Some(month), "{name}");
        }
        for name in ["Foo", "13月", "0월", "", "m"] {
            assert_eq!(month_number(name), None, "{name}");
        }
    }

    #[test]
    fn markers() {
        for (marker, pm) in [
            ("AM", false),
            ("pm", true),
            ("a. m.", false),
            ("p.\u{a0}m.", true),
            ("nachm.", true),
            ("fm", false),
            ("午後", true),
        ] {
            assert_eq!(afternoon(marker), Some(pm), "{marker}");
        }
        assert_eq!(afternoon("x"), None);
    }
}
