//! Text ids (user ids, event names) mapped to dense integer codes, once and reusably.

use serde::{Deserialize, Serialize};

use super::rows::FastMap;
use crate::{Error, Result};

/// A mapping from text ids to dense codes `0, 1, 2, …` in order of first appearance.
///
/// Encode a column once ([`IdMap::encode`]) and keep the map: later batches encoded
/// with the same map get the same codes, and [`IdMap::id`] turns a code back into its
/// id. Its JSON form is the list of ids in code order (`{"ids": ["ann", "bob"]}`).
///
/// ```
/// use pmkit::analytics::IdMap;
///
/// let mut users = IdMap::default();
/// assert_eq!(users.encode(["ann", "bob", "ann"])?, [0, 1, 0]);
/// assert_eq!(users.encode(["cy", "bob"])?, [2, 1]); // same codes for known ids
/// assert_eq!(users.id(2), Some("cy"));
/// assert_eq!(users.code("zoe"), None);
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "IdList", into = "IdList")]
pub struct IdMap {
    ids: Vec<String>,
    codes: FastMap<String, u32>,
}

/// The JSON form of an [`IdMap`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdList {
    ids: Vec<String>,
}

impl PartialEq for IdMap {
    fn eq(&self, other: &Self) -> bool {
        self.ids == other.ids
    }
}

impl TryFrom<IdList> for IdMap {
    type Error = Error;

    fn try_from(list: IdList) -> Result<IdMap> {
        IdMap::from_ids(list.ids)
    }
}

impl From<IdMap> for IdList {
    fn from(map: IdMap) -> IdList {
        IdList { ids: map.ids }
    }
}

impl IdMap {
    /// A map whose codes are the positions of `ids`.
    ///
    /// **Errors**: an id listed twice ([`Error::InvalidInput`] naming `ids[i]`).
    pub fn from_ids(ids: Vec<String>) -> Result<IdMap> {
        let mut codes = FastMap::default();
        codes.reserve(ids.len());
        for (index, id) in ids.iter().enumerate() {
            let code = u32::try_from(index).map_err(|_| too_many())?;
            if codes.insert(id.clone(), code).is_some() {
                return Err(Error::invalid(
                    format!("ids[{index}]"),
                    format!("{id:?} is listed twice; each id has one code"),
                ));
            }
        }
        Ok(IdMap { ids, codes })
    }

    /// A map of `ids` known to be distinct (numbered by [`super::encode_text`]).
    pub(crate) fn from_distinct(ids: Vec<String>) -> IdMap {
        let mut codes = FastMap::default();
        codes.reserve(ids.len());
        for (code, id) in ids.iter().enumerate() {
            codes.insert(id.clone(), code as u32);
        }
        IdMap { ids, codes }
    }

    /// The codes of `values`, giving each id not seen before the next free code.
    ///
    /// **Errors**: more than 2^32 distinct ids ([`Error::OutOfRange`] naming `ids`).
    pub fn encode<'v>(&mut self, values: impl IntoIterator<Item = &'v str>) -> Result<Vec<u32>> {
        values
            .into_iter()
            .map(|value| self.encode_one(value))
            .collect()
    }

    /// The code of one id, new or known.
    pub fn encode_one(&mut self, value: &str) -> Result<u32> {
        if let Some(&code) = self.codes.get(value) {
            return Ok(code);
        }
        let code = u32::try_from(self.ids.len()).map_err(|_| too_many())?;
        self.ids.push(value.to_owned());
        self.codes.insert(value.to_owned(), code);
        Ok(code)
    }

    /// The code of a known id.
    pub fn code(&self, id: &str) -> Option<u32> {
        self.codes.get(id).copied()
    }

    /// The code of `name`, which must be known: the lookup for a parameter that names
    /// an id (a funnel step, a feature) in a column encoded with this map.
    ///
    /// **Errors**: a name the map does not know ([`Error::InvalidInput`] naming `field`,
    /// quoting the name and listing the first few known ones), often a misspelling.
    ///
    /// ```
    /// use pmkit::analytics::IdMap;
    ///
    /// let mut events = IdMap::default();
    /// events.encode(["view", "cart", "view"])?;
    /// assert_eq!(events.code_of("steps[1]", "cart")?, 1);
    /// let err = events.code_of("steps[1]", "cartt").unwrap_err();
    /// assert_eq!(err.field(), "steps[1]");
    /// assert!(err.reason().contains("\"cartt\""));
    /// assert!(err.reason().contains("\"view\", \"cart\""));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn code_of(&self, field: &str, name: &str) -> Result<u32> {
        self.code(name).ok_or_else(|| {
            let known: Vec<String> = self
                .ids
                .iter()
                .take(KNOWN_IN_ERROR)
                .map(|id| format!("{id:?}"))
                .collect();
            let known = match self.ids.len() {
                0 => "no names at all".to_owned(),
                n if n > KNOWN_IN_ERROR => format!("{}, … ({n} names)", known.join(", ")),
                _ => known.join(", "),
            };
            Error::invalid(
                field,
                format!(
                    "{name:?} is not a known name (the column holds {known}); check the spelling"
                ),
            )
        })
    }

    /// The id of a code.
    pub fn id(&self, code: u32) -> Option<&str> {
        self.ids.get(code as usize).map(String::as_str)
    }

    /// Every id, in code order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// How many ids the map knows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the map knows no id.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// How many known names an unknown-name error lists.
const KNOWN_IN_ERROR: usize = 8;

fn too_many() -> Error {
    Error::out_of_range("ids", "more than 2^32 distinct ids")
}

/// The options of [`encode_ids`] as the bindings take them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EncodeIdsOptions {
    /// The ids of an earlier call (its `ids`), in code order, whose codes are kept; default none.
    pub known: Vec<String>,
}

/// The result of [`encode_ids`]: a code per value, and the map's ids in code order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EncodedIds {
    /// The code of each value.
    pub codes: Vec<u32>,
    /// Every id of the map, in code order: pass it back as `known` to encode more
    /// values with the same codes.
    pub ids: Vec<String>,
}

/// Dense integer codes for text ids: `values` encoded with a map that starts from
/// `known` (ids whose codes are their positions) and grows with each new id.
///
/// **Errors**: a `known` id listed twice ([`Error::InvalidInput`] naming `known[i]`).
///
/// ```
/// use pmkit::analytics::encode_ids;
/// let first = encode_ids(&["ann", "bob", "ann"], &[])?;
/// assert_eq!(first.codes, [0, 1, 0]);
/// let next = encode_ids(&["bob", "cy"], &first.ids)?;
/// assert_eq!((next.codes, next.ids), (vec![1, 2], vec!["ann".into(), "bob".into(), "cy".into()]));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn encode_ids<S: AsRef<str>>(values: &[S], known: &[String]) -> Result<EncodedIds> {
    let mut map = IdMap::from_ids(known.to_vec())
        .map_err(|err| err.map_field(|field| field.replacen("ids", "known", 1)))?;
    let codes = map.encode(values.iter().map(AsRef::as_ref))?;
    Ok(EncodedIds {
        codes,
        ids: map.ids,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn code_of_finds_known_names_and_rejects_unknown_ones() {
        let mut map = IdMap::default();
        map.encode(["view", "cart", "buy"]).unwrap();
        assert_eq!(map.code_of("feature", "buy"), Ok(2));
        let err = map.code_of("feature", "byu").unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "feature")
        );
        assert_eq!(
            err.reason(),
            "\"byu\" is not a known name (the column holds \"view\", \"cart\", \"buy\"); \
             check the spelling"
        );
    }

    #[test]
    fn code_of_lists_a_few_names_of_many() {
        let names: Vec<String> = (0..20).map(|i| format!("e{i}")).collect();
        let map = IdMap::from_ids(names).unwrap();
        let reason = map
            .code_of("start_event", "zzz")
            .unwrap_err()
            .reason()
            .to_owned();
        assert!(reason.contains("\"e7\", … (20 names)"), "{reason}");
        assert!(!reason.contains("\"e8\""), "{reason}");
        let empty = IdMap::default().code_of("start_event", "a").unwrap_err();
        assert!(empty.reason().contains("no names at all"));
    }
}
