//! Entry point of the browser app.

fn main() {
    yew::Renderer::<tekser_web::App>::new().render();
}
