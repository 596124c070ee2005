//! The seeded random number generator of every pmkit simulation.
//!
//! xoshiro256** (Blackman & Vigna, "Scrambled Linear Pseudorandom Number Generators",
//! ACM TOMS 47(4), 2021; reference code at prng.di.unimi.it) seeded through SplitMix64
//! (Steele, Lea & Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014),
//! as its authors recommend. Bounded integers use Lemire's multiply-and-reject method
//! ("Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019), so they
//! are unbiased and integer-only: the same seed draws the same numbers on every
//! platform, native or WebAssembly, and so in Rust, Python and JavaScript.

/// A xoshiro256** generator. Not cryptographic; fast and reproducible.
///
/// ```
/// use pmkit::stats::Rng;
///
/// // The first outputs for seed 0 are fixed forever: the vectors check them in every language.
/// let mut rng = Rng::new(0);
/// let first = rng.next_u64();
/// assert_eq!(Rng::new(0).next_u64(), first);
/// assert!(rng.below(6) < 6);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    state: [u64; 4],
}

/// One SplitMix64 step: advances `state` and returns the next output.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator whose four state words are the first four SplitMix64 outputs of
    /// `seed` (never all zero, since SplitMix64 is a bijection of its counter).
    pub fn new(seed: u64) -> Self {
        let mut counter = seed;
        Rng {
            state: [
                splitmix64(&mut counter),
                splitmix64(&mut counter),
                splitmix64(&mut counter),
                splitmix64(&mut counter),
            ],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.state;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// A uniform integer in `0..bound`; 0 when `bound` is 0.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        let mut product = u128::from(self.next_u64()) * u128::from(bound);
        let mut low = product as u64;
        if low < bound {
            // 2^64 mod bound: the outputs in this sliver would favour small results.
            let threshold = bound.wrapping_neg() % bound;
            while low < threshold {
                product = u128::from(self.next_u64()) * u128::from(bound);
                low = product as u64;
            }
        }
        (product >> 64) as u64
    }

    /// A uniform integer in `low..=high` (`low` when `high < low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        match (high - low).checked_add(1) {
            Some(span) => low + self.below(span),
            None => self.next_u64(),
        }
    }

    /// A uniform fraction in `[0, 1)` with 53 random bits: exact, so it is the same
    /// number on every platform.
    pub fn fraction(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_reference() {
        // Reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
        let mut state = 1_234_567u64;
        assert_eq!(splitmix64(&mut state), 6_457_827_717_110_365_317);
        assert_eq!(splitmix64(&mut state), 3_203_168_211_198_807_973);
    }

    #[test]
    fn xoshiro_matches_the_reference() {
        // xoshiro256** from state [1, 2, 3, 4]: reference outputs of Vigna's xoshiro256starstar.c.
        let mut rng = Rng {
            state: [1, 2, 3, 4],
        };
        let outputs: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(outputs, vec![11_520, 0, 1_509_978_240]);
    }

    #[test]
    fn bounded_draws_stay_in_range_and_cover_it() {
        let mut rng = Rng::new(7);
        let mut seen = [0u32; 6];
        for _ in 0..6_000 {
            let face = rng.below(6);
            seen[face as usize] += 1;
        }
        assert!(
            seen.iter().all(|&count| (850..1150).contains(&count)),
            "{seen:?}"
        );
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.between(5, 5), 5);
        assert!((3..=9).contains(&rng.between(3, 9)));
        let x = rng.fraction();
        assert!((0.0..1.0).contains(&x));
    }
}
