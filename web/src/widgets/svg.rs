//! The core's SVG element tree as yew nodes: the page's drawing and the
//! ladder editor's (`web/editor` takes this file in with `#[path]`, one
//! source for both modules).

use doorgroei::render::Element;
use yew::virtual_dom::VTag;
use yew::Html;

/// Turns the core's SVG element tree into yew nodes.
pub fn to_html(element: &Element) -> Html {
    match element {
        Element::Text(text) => Html::from(text.clone()),
        // The app serves the stylesheet as a file.
        Element::Stylesheet => Html::default(),
        Element::Tag {
            name,
            attrs,
            children,
        } => {
            let mut tag = VTag::new(*name);
            for (key, value) in attrs {
                // The namespace comes from the DOM call, not from an attribute.
                if *key != "xmlns" {
                    tag.add_attribute(key, value.clone());
                }
            }
            tag.add_children(children.iter().map(to_html));
            tag.into()
        }
    }
}
