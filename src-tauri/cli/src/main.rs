fn main() {
    println!("tokenbench {}", env!("CARGO_PKG_VERSION"));
}
