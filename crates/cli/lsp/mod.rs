//! `factlint lsp`: a Language Server over standard input and output, so editors show findings
//! where the sentence is.
//!
//! Built on `lsp-server` and `lsp-types` (the crates rust-analyzer and ruff use): a synchronous
//! loop fits a checker that is CPU-bound and fast, with no async runtime to carry. Documents are
//! synchronised whole (a story is a few kilobytes). A change is checked once no other message
//! has arrived for [`QUIET`], so a burst of keystrokes queued behind one check costs one check;
//! requests about a document that is waiting are answered after checking it, so code actions
//! and hovers always match the text on screen. Checking goes through `Setup::check`, which keeps
//! a panic inside one document that document's error.

mod configs;
mod edits;
mod hover;
mod position;

use crate::isolate::isolate;
use crate::pipeline::{CheckError, Checked, Setup};
use anyhow::{Context, Result};
use configs::Configs;
use factlint_extract::Format;
use factlint_rules::{Applicability, Severity};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    CreateFile, CreateFileOptions, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, DocumentChangeOperation, DocumentChanges, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, Location, MarkupContent, MarkupKind,
    MessageType, NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, PublishDiagnosticsParams,
    ResourceOp, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentEdit,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    TextEdit, Url, WorkspaceEdit,
};
use position::LineMap;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long the input must be quiet before a changed document is checked.
const QUIET: Duration = Duration::from_millis(20);

/// Serves one editor on standard input and output until it shuts the server down.
pub fn run() -> Result<crate::Outcome> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).context("initialize parameters")?;
    let result = InitializeResult { capabilities: capabilities(), server_info: Some(server_info()) };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server::new(&connection, workspace_root(&params));
    server.serve()?;
    drop(connection);
    io_threads.join()?;
    Ok(crate::Outcome::Clean)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

fn server_info() -> ServerInfo {
    ServerInfo { name: "factlint".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }
}

#[allow(deprecated)] // `root_uri` is what many clients still send instead of workspace folders.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params.workspace_folders.as_ref().and_then(|folders| folders.first()).map(|f| &f.uri);
    folder.or(params.root_uri.as_ref()).and_then(|uri| uri.to_file_path().ok())
}

/// An open document: its text as the editor has it, and the last check of that text.
struct Open {
    text: String,
    version: i32,
    language: String,
    checked: Option<Checked>,
}

struct Server<'a> {
    connection: &'a Connection,
    configs: Configs,
    open: HashMap<Url, Open>,
    /// Documents changed since their last check.
    waiting: BTreeSet<Url>,
}

impl<'a> Server<'a> {
    fn new(connection: &'a Connection, root: Option<PathBuf>) -> Server<'a> {
        Server { connection, configs: Configs::new(root), open: HashMap::new(), waiting: BTreeSet::new() }
    }

    fn serve(&mut self) -> Result<()> {
        loop {
            let message = if self.waiting.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(()),
                }
            } else {
                match self.connection.receiver.recv_timeout(QUIET) {
                    Ok(message) => message,
                    Err(error) if error.is_timeout() => {
                        self.check_waiting()?;
                        continue;
                    }
                    Err(_) => return Ok(()),
                }
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.answer(request)?;
                }
                Message::Notification(notification) => self.notice(notification)?,
                Message::Response(_) => {}
            }
        }
    }

    fn notice(&mut self, notification: Notification) -> Result<()> {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: DidOpenTextDocumentParams = serde_json::from_value(notification.params)?;
                let document = params.text_document;
                let open = Open {
                    text: document.text,
                    version: document.version,
                    language: document.language_id,
                    checked: None,
                };
                self.open.insert(document.uri.clone(), open);
                self.check(&document.uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let params: DidChangeTextDocumentParams = serde_json::from_value(notification.params)?;
                let uri = params.text_document.uri;
                if let Some(open) = self.open.get_mut(&uri)
                    && let Some(change) = params.content_changes.into_iter().last()
                {
                    open.text = change.text;
                    open.version = params.text_document.version;
                    self.waiting.insert(uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                let params: DidCloseTextDocumentParams = serde_json::from_value(notification.params)?;
                let uri = params.text_document.uri;
                self.open.remove(&uri);
                self.waiting.remove(&uri);
                self.publish(uri, Vec::new(), None)?;
            }
            DidSaveTextDocument::METHOD => {
                let params: DidSaveTextDocumentParams = serde_json::from_value(notification.params)?;
                if is_config(&params.text_document.uri) {
                    self.recheck_all()?;
                }
            }
            DidChangeWatchedFiles::METHOD => self.recheck_all()?,
            _ => {}
        }
        Ok(())
    }

    /// A configuration changed: every open document is checked again under it.
    fn recheck_all(&mut self) -> Result<()> {
        self.configs.forget();
        self.waiting.extend(self.open.keys().filter(|uri| !is_config(uri)).cloned());
        self.check_waiting()
    }

    fn check_waiting(&mut self) -> Result<()> {
        for uri in std::mem::take(&mut self.waiting) {
            self.check(&uri)?;
        }
        Ok(())
    }

    /// Checks one open document and publishes its diagnostics.
    fn check(&mut self, uri: &Url) -> Result<()> {
        self.waiting.remove(uri);
        if is_config(uri) {
            return Ok(());
        }
        let path = uri.to_file_path().ok();
        let setup = self.configs.setup_for(path.as_deref());
        let Some(open) = self.open.get_mut(uri) else { return Ok(()) };
        let version = open.version;
        let setup = match setup {
            Ok(setup) => setup,
            Err(error) => {
                open.checked = None;
                let message = format!("factlint: configuration error: {error:#}");
                self.show(MessageType::ERROR, message.clone())?;
                return self.publish(uri.clone(), vec![whole_story(message)], Some(version));
            }
        };
        let name = document_name(uri, &open.language);
        match setup.check(name, path.as_deref(), open.text.clone(), None) {
            Ok(checked) => {
                let diagnostics = diagnostics(uri, &setup, &checked);
                open.checked = Some(checked);
                self.publish(uri.clone(), diagnostics, Some(version))
            }
            Err(error) => {
                open.checked = None;
                let message = match &error {
                    CheckError::TooLarge(_) => format!("factlint: {error}"),
                    CheckError::Panicked(_) => format!("factlint could not check this story: {error}"),
                };
                if error.is_internal() {
                    self.show(MessageType::ERROR, message.clone())?;
                }
                self.publish(uri.clone(), vec![whole_story(message)], Some(version))
            }
        }
    }

    fn answer(&mut self, request: Request) -> Result<()> {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            CodeActionRequest::METHOD => {
                let params: CodeActionParams = serde_json::from_value(request.params)?;
                self.ready(&params.text_document.uri)?;
                let actions = isolate(|| self.code_actions(&params));
                actions.map(|a| serde_json::to_value(a).unwrap_or_default())
            }
            HoverRequest::METHOD => {
                let params: HoverParams = serde_json::from_value(request.params)?;
                let uri = params.text_document_position_params.text_document.uri.clone();
                self.ready(&uri)?;
                let hover = isolate(|| self.hover(&params));
                hover.map(|h| serde_json::to_value(h).unwrap_or_default())
            }
            _ => {
                let message = format!("factlint does not handle {}", request.method);
                return self.respond(Response::new_err(id, ErrorCode::MethodNotFound as i32, message));
            }
        };
        match result {
            Ok(value) => self.respond(Response::new_ok(id, value)),
            Err(panicked) => {
                self.respond(Response::new_err(id, ErrorCode::InternalError as i32, panicked.to_string()))
            }
        }
    }

    /// Checks `uri` now if a change to it is waiting.
    fn ready(&mut self, uri: &Url) -> Result<()> {
        if self.waiting.contains(uri) { self.check(uri) } else { Ok(()) }
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some(open) = self.open.get(uri) else { return Vec::new() };
        let Some(checked) = &open.checked else { return Vec::new() };
        let doc = &checked.report.doc;
        let map = LineMap::new(doc.source());
        let (from, to) = (map.offset(params.range.start), map.offset(params.range.end));
        let config = self.configs.file_for(uri.to_file_path().ok().as_deref());
        let mut fixes = Vec::new();
        let mut others = Vec::new();
        for finding in &checked.report.findings {
            let span = doc.to_source(finding.span);
            let (start, end) = (span.start as usize, span.end as usize);
            if end < from || start > to {
                continue;
            }
            let diagnostic = diagnostic(uri, &map, doc, finding);
            for (k, fix) in finding.fixes.iter().enumerate() {
                let edits: Vec<TextEdit> = fix
                    .edits
                    .iter()
                    .map(|edit| {
                        let at = doc.to_source(edit.span);
                        TextEdit {
                            range: map.range(at.start as usize, at.end as usize),
                            new_text: edit.replacement.clone(),
                        }
                    })
                    .collect();
                let safe = fix.applicability == Applicability::Safe;
                let on_finding = fix.edits.first().is_some_and(|edit| edit.span == finding.span);
                let title = fix_title(doc.source(), fix, on_finding, doc);
                fixes.push(CodeAction {
                    title: if safe { title } else { format!("{title} (check the meaning)") },
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(changes(uri.clone(), edits)),
                    is_preferred: Some(safe && k == 0),
                    ..CodeAction::default()
                });
            }
            let text = &doc.source()[start..end];
            if finding.rule != crate::suppress::UNUSED
                && !text.is_empty()
                && !text.contains('\n')
                && text.chars().count() <= 60
                && let Some(action) = self.accept_action(uri, config.as_deref(), text, &finding.rule)
            {
                others.push(action);
            }
            if doc.format() != Format::Text && finding.rule != crate::suppress::UNUSED {
                let line_start = map.line_start(start);
                let insert = TextEdit {
                    range: map.range(line_start, line_start),
                    new_text: edits::disable_next_line(&finding.rule),
                };
                others.push(CodeAction {
                    title: format!("Disable {} for this line", finding.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(changes(uri.clone(), vec![insert])),
                    ..CodeAction::default()
                });
            }
        }
        fixes.into_iter().chain(others).map(CodeActionOrCommand::CodeAction).collect()
    }

    /// "Accept “word”": an edit to the nearest configuration, or a new one at the workspace root.
    fn accept_action(&self, uri: &Url, config: Option<&Path>, word: &str, rule: &str) -> Option<CodeAction> {
        let title = format!("Accept “{word}” for {rule} in {}", crate::config::FILE_NAME);
        let edit = match config {
            Some(file) => {
                let text = std::fs::read_to_string(file).ok()?;
                let splice = edits::accept_word(&text, word, rule)?;
                let map = LineMap::new(&text);
                let edit = TextEdit { range: map.range(splice.start, splice.end), new_text: splice.text };
                changes(Url::from_file_path(file).ok()?, vec![edit])
            }
            None => {
                let file = self.configs.new_file_for(uri.to_file_path().ok().as_deref())?;
                let file_uri = Url::from_file_path(&file).ok()?;
                let splice = edits::accept_word("", word, rule)?;
                let create = CreateFile {
                    uri: file_uri.clone(),
                    options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                    annotation_id: None,
                };
                let insert = TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri: file_uri, version: None },
                    edits: vec![OneOf::Left(TextEdit { range: Default::default(), new_text: splice.text })],
                };
                WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Operations(vec![
                        DocumentChangeOperation::Op(ResourceOp::Create(create)),
                        DocumentChangeOperation::Edit(insert),
                    ])),
                    ..WorkspaceEdit::default()
                }
            }
        };
        Some(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(edit),
            ..CodeAction::default()
        })
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let checked = self.open.get(&at.text_document.uri)?.checked.as_ref()?;
        let map = LineMap::new(checked.report.doc.source());
        let offset = map.offset(at.position);
        let (start, end, text) = hover::describe(checked, offset)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
            range: Some(map.range(start, end)),
        })
    }

    fn publish(&self, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> Result<()> {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        let notification = Notification::new(PublishDiagnostics::METHOD.to_string(), params);
        self.connection.sender.send(Message::Notification(notification))?;
        Ok(())
    }

    fn show(&self, typ: MessageType, message: String) -> Result<()> {
        let notification =
            Notification::new(ShowMessage::METHOD.to_string(), ShowMessageParams { typ, message });
        self.connection.sender.send(Message::Notification(notification))?;
        Ok(())
    }

    fn respond(&self, response: Response) -> Result<()> {
        self.connection.sender.send(Message::Response(response))?;
        Ok(())
    }
}

fn is_config(uri: &Url) -> bool {
    uri.path().ends_with(crate::config::FILE_NAME)
}

/// The name a document is checked under: its path, with an extension that matches the editor's
/// language when the path has none that does (so the right format is read).
fn document_name(uri: &Url, language: &str) -> String {
    let path = uri.to_file_path().map(|p| p.display().to_string()).unwrap_or_else(|_| uri.to_string());
    let wanted = match language {
        "markdown" => Format::Markdown,
        "html" => Format::Html,
        "plaintext" | "text" => Format::Text,
        _ => return path,
    };
    if Format::from_path(&path) == wanted {
        return path;
    }
    let extension = match wanted {
        Format::Markdown => "md",
        Format::Html => "html",
        Format::Text => "txt",
    };
    format!("{path}.{extension}")
}

fn diagnostics(uri: &Url, setup: &Setup, checked: &Checked) -> Vec<Diagnostic> {
    let doc = &checked.report.doc;
    let map = LineMap::new(doc.source());
    let shown = setup.min_severity(None).severity();
    checked
        .report
        .findings
        .iter()
        .filter(|f| f.severity >= shown)
        .map(|finding| diagnostic(uri, &map, doc, finding))
        .collect()
}

fn diagnostic(
    uri: &Url,
    map: &LineMap,
    doc: &factlint_extract::Document,
    finding: &factlint_rules::Finding,
) -> Diagnostic {
    let range = |span| {
        let at = doc.to_source(span);
        map.range(at.start as usize, at.end as usize)
    };
    let related = finding
        .related
        .iter()
        .map(|related| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: range(related.span) },
            message: related.message.clone(),
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: range(finding.span),
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.rule.clone())),
        source: Some("factlint".into()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// A diagnostic over the first character, for a story that could not be checked at all.
fn whole_story(message: String) -> Diagnostic {
    Diagnostic {
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("factlint".into()),
        message,
        ..Diagnostic::default()
    }
}

fn fix_title(
    source: &str,
    fix: &factlint_rules::Fix,
    on_finding: bool,
    doc: &factlint_extract::Document,
) -> String {
    match fix.edits.as_slice() {
        [edit] => {
            let at = doc.to_source(edit.span);
            let old = &source[at.range()];
            match (old.is_empty(), edit.replacement.is_empty()) {
                (_, true) => format!("Remove “{old}”"),
                (true, false) => format!("Insert “{}”", edit.replacement),
                _ if on_finding => format!("Replace with “{}”", edit.replacement),
                _ => format!("Replace “{old}” with “{}”", edit.replacement),
            }
        }
        edits => format!("Apply {} edits", edits.len()),
    }
}

fn changes(uri: Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri, edits)])), ..WorkspaceEdit::default() }
}
