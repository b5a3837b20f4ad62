//! Latency histograms with fixed log-scale bins, so a p95 over 30 days is a merge of ~720
//! small hourly histograms instead of a sort of every raw row. Bin 0 holds everything under
//! [`FLOOR_US`]; bin `i ≥ 1` holds `[FLOOR_US·2^((i-1)/8), FLOOR_US·2^(i/8))` µs, eight bins per
//! doubling, up to about 95 s (longer times land in the last bin). A percentile is reported as
//! its bin's geometric middle, so it is within `2^(1/16) − 1` ≈ **4.4 %** of the exact value
//! (for times between 50 µs and 95 s).
//!
//! Stored form: one byte with the first non-empty bin, then one little-endian `u32` count per
//! bin up to the last non-empty one (a typical hour spans 10–30 bins: 40–120 bytes).

/// Lower edge of bin 1, in microseconds.
pub const FLOOR_US: f64 = 50.0;
/// Bins per doubling.
pub const BINS_PER_DOUBLING: f64 = 8.0;
/// Number of bins.
pub const BINS: usize = 168;

/// Counts per bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    counts: Vec<u32>,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram { counts: vec![0; BINS] }
    }
}

/// The bin a duration falls in.
pub fn bin_of(us: u64) -> usize {
    let us = us as f64;
    if us < FLOOR_US {
        return 0;
    }
    let i = 1 + (BINS_PER_DOUBLING * (us / FLOOR_US).log2()).floor() as usize;
    i.min(BINS - 1)
}

/// The value a bin stands for: its geometric middle (bin 0: half the floor).
pub fn value_of(bin: usize) -> f64 {
    if bin == 0 {
        return FLOOR_US / 2.0;
    }
    FLOOR_US * 2f64.powf((bin as f64 - 0.5) / BINS_PER_DOUBLING)
}

impl Histogram {
    /// Counts one duration.
    pub fn add(&mut self, us: u64) {
        let b = bin_of(us);
        self.counts[b] = self.counts[b].saturating_add(1);
    }

    /// Adds another histogram's counts.
    pub fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a = a.saturating_add(*b);
        }
    }

    /// Adds the counts of a stored histogram; bytes that are not a histogram add nothing.
    pub fn merge_encoded(&mut self, bytes: &[u8]) {
        let Some((&first, rest)) = bytes.split_first() else { return };
        for (i, chunk) in rest.chunks_exact(4).enumerate() {
            let bin = first as usize + i;
            if bin >= BINS {
                break;
            }
            let n = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            self.counts[bin] = self.counts[bin].saturating_add(n);
        }
    }

    /// Decodes a stored histogram.
    pub fn decode(bytes: &[u8]) -> Self {
        let mut h = Histogram::default();
        h.merge_encoded(bytes);
        h
    }

    /// The stored form (see the module doc). An empty histogram encodes to one byte.
    pub fn encode(&self) -> Vec<u8> {
        let first = self.counts.iter().position(|&n| n > 0);
        let last = self.counts.iter().rposition(|&n| n > 0);
        let (Some(first), Some(last)) = (first, last) else { return vec![0] };
        let mut out = Vec::with_capacity(1 + 4 * (last - first + 1));
        out.push(first as u8);
        for n in &self.counts[first..=last] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out
    }

    /// How many durations were counted.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|&n| u64::from(n)).sum()
    }

    /// The `q`-quantile (0 < q ≤ 1, nearest rank) in microseconds, or `None` when empty.
    pub fn quantile_us(&self, q: f64) -> Option<f64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let rank = ((q * total as f64).ceil() as u64).clamp(1, total);
        let mut seen = 0u64;
        for (bin, &n) in self.counts.iter().enumerate() {
            seen += u64::from(n);
            if seen >= rank {
                return Some(value_of(bin));
            }
        }
        None
    }
}

/// The exact `q`-quantile (nearest rank) of `values`, which it sorts; the reference the
/// histogram is checked against. `None` when empty.
pub fn exact_quantile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    Some(values[rank - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bins_middle_is_within_4_4_percent_of_any_value_in_it() {
        for us in (60..95_000_000u64).step_by(7919) {
            let got = value_of(bin_of(us));
            let err = (got / us as f64 - 1.0).abs();
            assert!(err <= 0.0443, "{us} µs is reported as {got} µs ({:.2} % off)", err * 100.0);
        }
    }

    #[test]
    fn the_stored_form_round_trips_and_stays_small() {
        let mut h = Histogram::default();
        for us in [120, 130, 900, 1_500, 1_500, 40_000, 12] {
            h.add(us);
        }
        let bytes = h.encode();
        assert_eq!(Histogram::decode(&bytes), h, "decode(encode(h)) == h");
        assert!(bytes.len() < 4 * 80, "only the span of used bins is stored: {} bytes", bytes.len());
        assert_eq!(Histogram::default().encode(), vec![0], "an empty histogram is one byte");
        assert_eq!(Histogram::decode(&[]).total(), 0, "garbage decodes to nothing, not a panic");
    }

    #[test]
    fn a_p95_from_merged_hours_matches_the_exact_p95_within_the_bin_error() {
        let mut hours = vec![Histogram::default(); 24];
        let mut all = Vec::new();
        for i in 0..10_000u64 {
            let us = 200 + (i * 7_919) % 90_000 + if i % 97 == 0 { 2_000_000 } else { 0 };
            hours[(i % 24) as usize].add(us);
            all.push(us as f64);
        }
        let mut merged = Histogram::default();
        for h in &hours {
            merged.merge_encoded(&h.encode());
        }
        let exact = exact_quantile(&mut all, 0.95).expect("values");
        let approx = merged.quantile_us(0.95).expect("values");
        assert!((approx / exact - 1.0).abs() <= 0.0443, "p95 {approx} vs exact {exact}");
        assert_eq!(merged.total(), 10_000);
    }
}
