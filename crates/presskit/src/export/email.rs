//! The release as an email message (RFC 5322): the text and HTML bodies
//! written from the same model as the PDF, the images the HTML shows as
//! inline parts, and the PDF attached. presskit writes the message; sending
//! it is for a mail client or tool.

use std::time::SystemTime;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};

use crate::error::{Error, ErrorKind, Result, Setting};
use crate::export::html::{ImageRefs, html_with};
use crate::export::render::Renderer;
use crate::export::text;
use crate::model::{Brand, Release};
use crate::present::options::{Languages, Options};
use crate::present::view::View;

/// Who the message is from and to, its subject, date and id. Left out, the
/// sender is the first media contact with an email address, the subject the
/// headline (after the embargo line when there is one), the date now, and
/// the id derived from the release, so that a fixed date gives the same
/// bytes on every run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EmailOptions {
    /// The sender, e.g. `Press Office <press@example.org>`.
    pub from: Option<String>,
    /// The recipients. None: the message has no `To` (send it with Bcc).
    pub to: Vec<String>,
    /// The subject.
    pub subject: Option<String>,
    /// The message's date.
    pub date: Option<SystemTime>,
    /// The Message-ID, without angle brackets.
    pub message_id: Option<String>,
}

impl EmailOptions {
    /// The options with a sender.
    pub fn from(mut self, from: impl Into<String>) -> Self {
        self.from = Some(from.into());
        self
    }

    /// The options with one more recipient.
    pub fn to(mut self, to: impl Into<String>) -> Self {
        self.to.push(to.into());
        self
    }

    /// The options with a subject.
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// The options with a fixed date.
    pub fn date(mut self, date: SystemTime) -> Self {
        self.date = Some(date);
        self
    }

    /// The options with a fixed Message-ID.
    pub fn message_id(mut self, id: impl Into<String>) -> Self {
        self.message_id = Some(id.into());
        self
    }
}

fn subject(view: &View) -> String {
    let headline = view.release.headline.split_whitespace().collect::<Vec<_>>().join(" ");
    match view.release.embargo {
        Some(_) => format!("{}{} {headline}", view.line, view.labels.colon),
        None => headline,
    }
}

impl Release {
    /// A file name for the release, without extension, from its date and
    /// the first words of its headline in ASCII:
    /// `2014-11-20-despite-national-effort`. The name of the PDF an email
    /// attaches.
    pub fn file_stem(&self) -> String {
        file_stem(self)
    }
}

fn file_stem(release: &Release) -> String {
    let mut slug = String::new();
    for word in release.headline.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(6) {
        use unicode_normalization::UnicodeNormalization;
        let ascii: String = word.to_lowercase().nfd().filter(char::is_ascii_alphanumeric).collect();
        if !ascii.is_empty() {
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&ascii);
        }
    }
    if slug.is_empty() {
        slug.push_str("release");
    }
    format!("{}-{slug}", release.date)
}

impl Renderer {
    /// The release as an email message (RFC 5322), ready for a mail client
    /// or tool to send: text and HTML alternatives, the HTML's images
    /// inline, and the PDF attached, all three in the one language the
    /// options choose (the first with
    /// [`Languages::Combined`](crate::Languages::Combined)).
    pub fn email(
        &self,
        release: &Release,
        brand: &Brand,
        options: &Options,
        email: &EmailOptions,
    ) -> Result<Vec<u8>> {
        let view = View::one(release, brand, options)?;
        let one = options.clone().with_languages(Languages::One(view.release.lang.clone()));
        let pdf = self.compile_with(release, brand, &one)?.pdf()?;
        message(release, brand, &view, &one, email, &pdf)
    }
}

/// The message for one language's view, with its PDF.
fn message(
    release: &Release,
    brand: &Brand,
    view: &View,
    one: &Options,
    email: &EmailOptions,
    pdf: &[u8],
) -> Result<Vec<u8>> {
    let text = text::text(release, brand, one)?;
    let (html, images) = html_with(release, brand, one, ImageRefs::ContentIds)?;

    let mailbox = |text: &str, setting: Setting| -> Result<Mailbox> {
        let what = if setting == Setting::Sender { "the sender" } else { "a recipient" };
        text.parse::<Mailbox>().map_err(|err| {
            Error::new(ErrorKind::InvalidValue, format!("`{text}` is not an email address for {what}: {err}"))
                .with_hint("write it like `Press Office <press@example.org>` or `press@example.org`")
                .for_setting(setting)
        })
    };
    let from = match &email.from {
        Some(from) => mailbox(from, Setting::Sender)?,
        None => {
            let contact = view.contacts.iter().find(|c| c.email.is_some()).ok_or_else(|| {
                Error::new(
                    ErrorKind::MissingField,
                    "the message needs a sender, and no media contact has an email",
                )
                .in_file(&release.origin.name)
                .with_hint("give the sender, or an email to a media contact")
                .for_setting(Setting::Sender)
            })?;
            let address = contact.email.as_deref().unwrap_or_default().trim();
            let address = address.parse::<lettre::Address>().map_err(|err| {
                Error::new(ErrorKind::InvalidValue, format!("the media contact's email `{address}`: {err}"))
                    .in_file(&release.origin.name)
                    .with_hint("correct the address, or give the sender")
                    .for_setting(Setting::Sender)
            })?;
            // The name is encoded by the builder, whatever it holds.
            Mailbox::new(Some(contact.name.trim().to_string()), address)
        }
    };

    // A stable fingerprint of what the message holds: the boundaries and
    // the default id come from it, so a fixed date gives identical bytes.
    let fingerprint =
        format!("{:032x}", typst::utils::hash128(&(&text, &html, pdf, &email.subject, &email.to)))[..16]
            .to_string();
    let domain = from.email.domain().to_string();
    let id = email.message_id.clone().unwrap_or_else(|| format!("{fingerprint}.presskit@{domain}"));

    let mut builder = lettre::Message::builder()
        .from(from.clone())
        .subject(email.subject.clone().unwrap_or_else(|| subject(view)))
        .date(email.date.unwrap_or_else(SystemTime::now))
        .message_id(Some(format!("<{}>", id.trim_matches(['<', '>']))))
        .user_agent(crate::typeset::data::GENERATOR.to_string());
    let mut recipients = Vec::new();
    for to in &email.to {
        let to = mailbox(to, Setting::Recipients)?;
        recipients.push(to.email.clone());
        builder = builder.to(to);
    }
    if recipients.is_empty() {
        recipients.push(from.email.clone());
    }
    // The envelope is not written into the message; it only lets a message
    // without `To` be built.
    let envelope = lettre::address::Envelope::new(Some(from.email.clone()), recipients)
        .map_err(|err| Error::new(ErrorKind::InvalidValue, format!("the message's addresses: {err}")))?;
    builder = builder.envelope(envelope);

    let boundary = |kind: &str| format!("=_presskit_{kind}_{fingerprint}");
    let alternative = MultiPart::alternative()
        .boundary(boundary("alternative"))
        .singlepart(SinglePart::plain(text))
        .singlepart(SinglePart::html(html));
    let mut related = MultiPart::related().boundary(boundary("related")).multipart(alternative);
    for image in images {
        let content_type = ContentType::parse(image.mime).unwrap_or(ContentType::TEXT_PLAIN);
        related = related.singlepart(
            Attachment::new_inline_with_name(image.cid, image.name).body(image.data, content_type),
        );
    }
    let pdf_type = ContentType::parse("application/pdf").unwrap_or(ContentType::TEXT_PLAIN);
    let mixed = MultiPart::mixed().boundary(boundary("mixed")).multipart(related).singlepart(
        Attachment::new(format!("{}.pdf", file_stem(&view.release))).body(pdf.to_vec(), pdf_type),
    );
    let message = builder
        .multipart(mixed)
        .map_err(|err| Error::new(ErrorKind::Export, format!("cannot build the message: {err}")))?;
    Ok(message.formatted())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_are_plain() {
        let release = Release::from_text(
            "---\nheadline: \"Café opens: 24/7, élan & <more>!\"\ndate: 2026-03-02\n---\nBody.\n",
            crate::Format::Markdown,
            crate::Origin::named("r.md"),
        )
        .unwrap();
        assert_eq!(release.file_stem(), "2026-03-02-cafe-opens-24-7-elan-more");
    }
}
