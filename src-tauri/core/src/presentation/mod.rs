//! Presentation mode: Tokenbench on a shared or recorded screen. `capture` tells whether the
//! screen is being captured, so the mode can switch itself on.

pub mod capture;
