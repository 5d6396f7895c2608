//! The DGS main job (being built).
fn main() {
    eprintln!("dgs: the main job lands with the DGS example issue");
}
