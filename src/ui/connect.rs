//! File → Connect to server…: a team's database on PostgreSQL. The user gives the address
//! (`postgres://user@host/dbname?sslmode=…`, never with a password in it) and, when neither
//! `PGPASSWORD` nor `~/.pgpass` has it, the password. The password goes into the open
//! database's location, in memory, and is never saved with the settings.

use super::action::{Action, Password, TypedAddress};

/// The Connect to server window's state.
#[derive(Default)]
pub struct ConnectDialog {
    /// The window is shown.
    pub open: bool,
    /// The address being typed.
    pub address: String,
    /// The password being typed (cleared once sent or closed).
    password: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// An attempt runs.
    pub connecting: bool,
    /// The current attempt: an answer to an older one (closed, or tried again) is ignored.
    pub attempt: u64,
}

impl ConnectDialog {
    /// Shows the window, with the last server used when nothing is typed yet.
    pub fn show(&mut self, recent: &[String]) {
        self.open = true;
        self.error = None;
        if self.address.trim().is_empty()
            && let Some(last) = recent.first()
        {
            self.address = last.clone();
        }
    }

    /// Hides the window and forgets the password typed.
    pub fn close(&mut self) {
        self.attempt += 1;
        self.open = false;
        self.connecting = false;
        self.error = None;
        self.password.clear();
    }

    /// True when `attempt` is the one the window waits for.
    pub fn awaits(&self, attempt: u64) -> bool {
        self.open && self.connecting && attempt == self.attempt
    }

    /// Attempt `attempt` failed: the window stays, saying why (an older attempt's answer is
    /// not shown).
    pub fn failed(&mut self, attempt: u64, why: String) {
        if self.awaits(attempt) {
            self.connecting = false;
            self.error = Some(why);
        }
    }

    /// Draws the window while shown; Connect sends the address and the password.
    pub fn ui(&mut self, ctx: &egui::Context, recent: &[String]) -> Option<Action> {
        if !self.open {
            return None;
        }
        let lang = super::i18n::lang_of(ctx);
        let tr = |id: &str| crate::i18n::tr(lang, id);
        let mut action = None;
        let mut open = true;
        egui::Window::new(tr("connect-title"))
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(tr("connect-explain"));
                let label = ui.label(tr("connect-address"));
                let address = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.address)
                            .hint_text("postgres://user@host/dbname")
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                if !recent.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(tr("connect-recent"));
                        for r in recent {
                            if ui.small_button(r).clicked() {
                                self.address.clone_from(r);
                            }
                        }
                    });
                }
                let label = ui.label(tr("connect-password"));
                let password = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.password)
                            .password(true)
                            .hint_text(tr("connect-password-hint"))
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                let ok = !self.address.trim().is_empty() && !self.connecting;
                let enter = (address.lost_focus() || password.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(ok, egui::Button::new(tr("connect-connect")))
                        .clicked()
                        || (ok && enter)
                    {
                        self.connecting = true;
                        self.error = None;
                        self.attempt += 1;
                        action = Some(Action::Connect {
                            address: TypedAddress(self.address.trim().to_string()),
                            password: Password::new(std::mem::take(&mut self.password)),
                        });
                    }
                    if ui.button(tr("common-cancel")).clicked() {
                        action = Some(Action::CloseConnect);
                    }
                    if self.connecting {
                        ui.spinner();
                        ui.weak(tr("connect-connecting"));
                    }
                });
            });
        if !open {
            action = Some(Action::CloseConnect);
        }
        action
    }
}
