//! The Tekser app: asks only the questions the rules need, and shows their reports.
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main><h1>{ "Tekser" }</h1></main> }
}
