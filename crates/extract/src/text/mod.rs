//! The text model, the lowest layer: a story's source, the prose in it (markup stripped), its
//! paragraphs, sentences and tokens, and the word lists that say what a word is. Nothing here
//! knows about numbers or claims; the layers above read the [`Document`](document::Document)
//! this layer builds.

pub(crate) mod document;
pub(crate) mod lexicon;
pub(crate) mod lower;
pub(crate) mod markup;
pub(crate) mod sentence;
pub(crate) mod span;
pub(crate) mod token;
pub(crate) mod window;
#[rustfmt::skip]
mod word_lists;
