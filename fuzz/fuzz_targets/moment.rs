//! `Moment::parse` on any text: an error or a moment whose text form reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::flow::Moment;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(moment) = Moment::parse("at", text) {
        let again = Moment::parse("at", &moment.to_string()).expect("a moment's own text");
        assert_eq!(again, moment, "{text:?}");
        // Through JSON too, as every binding reads it.
        let json = serde_json::to_string(&moment).expect("text");
        assert_eq!(
            serde_json::from_str::<Moment>(&json).expect("own JSON"),
            moment
        );
    }
});
