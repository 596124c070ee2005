//! What every fuzz target asserts about a result: pmkit's contract that finite input
//! gives finite output. A result is serialized through [`Finite`], a serializer that
//! writes nothing and fails on the first NaN or infinity (serde_json would write them
//! as `null` and hide them); an SVG must not spell one out either.

pub mod targets;

use std::fmt;

use serde::ser::{self, Serialize};

/// Panics (the fuzzer's finding) if `value` holds a NaN or an infinity anywhere.
pub fn assert_finite<T: Serialize + fmt::Debug>(what: &str, value: &T) {
    if let Err(NotFinite(path)) = value.serialize(Finite) {
        panic!("{what}: a non-finite number ({path}) in {value:?}");
    }
}

/// Panics if a chart's SVG has a non-finite number in a geometry attribute (text may
/// say "NaN": it can come from the caller's names).
pub fn assert_svg_finite(what: &str, svg: &str) {
    const GEOMETRY: [&str; 16] = [
        "x",
        "y",
        "x1",
        "x2",
        "y1",
        "y2",
        "cx",
        "cy",
        "r",
        "width",
        "height",
        "d",
        "points",
        "transform",
        "viewBox",
        "stroke-width",
    ];
    for name in GEOMETRY {
        let opening = format!(" {name}=\"");
        for (at, _) in svg.match_indices(&opening) {
            let rest = svg.get(at + opening.len()..).unwrap_or_default();
            let value = rest.split('"').next().unwrap_or_default();
            assert!(
                !value.contains("NaN") && !value.contains("inf"),
                "{what}: {name}=\"{value}\" in the SVG"
            );
        }
    }
}

/// The first non-finite number met, by kind ("f64", "f32").
#[derive(Debug)]
pub struct NotFinite(&'static str);

impl fmt::Display for NotFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "non-finite {}", self.0)
    }
}

impl std::error::Error for NotFinite {}

impl ser::Error for NotFinite {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotFinite("custom error")
    }
}

/// A serializer that only looks at the numbers.
#[derive(Clone, Copy)]
struct Finite;

type Done = Result<(), NotFinite>;

macro_rules! ignore {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _: $ty) -> Done { Ok(()) })*
    };
}

impl ser::Serializer for Finite {
    type Ok = ();
    type Error = NotFinite;
    type SerializeSeq = Finite;
    type SerializeTuple = Finite;
    type SerializeTupleStruct = Finite;
    type SerializeTupleVariant = Finite;
    type SerializeMap = Finite;
    type SerializeStruct = Finite;
    type SerializeStructVariant = Finite;

    ignore!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str, serialize_bytes: &[u8],
        serialize_unit_struct: &'static str);

    fn serialize_f32(self, value: f32) -> Done {
        value.is_finite().then_some(()).ok_or(NotFinite("f32"))
    }
    fn serialize_f64(self, value: f64) -> Done {
        value.is_finite().then_some(()).ok_or(NotFinite("f64"))
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Finite, NotFinite> {
        Ok(self)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, _: &T) -> Done {
        Ok(())
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Finite {
            type Ok = ();
            type Error = NotFinite;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(*self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Finite {
    type Ok = ();
    type Error = NotFinite;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(*self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(*self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

macro_rules! named_fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Finite {
            type Ok = ();
            type Error = NotFinite;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
                value.serialize(*self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

named_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_nan_deep_inside() {
        let nested = vec![(1u8, Some(vec![2.0f64, f64::NAN]))];
        assert!(nested.serialize(Finite).is_err());
        assert!(vec![(1u8, Some(vec![2.0f64, 1e308]))]
            .serialize(Finite)
            .is_ok());
    }
}
