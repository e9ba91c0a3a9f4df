// govsim: the headless command-line front end. main only maps outcomes to exit codes:
// 0 ok, 2 a mistake in the user's input or command line, 1 anything else. It never aborts.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <system_error>

#include "cli/batch_commands.hpp"
#include "cli/commands.hpp"
#include "cli/terminal_text.hpp"
#include "engine/errors.hpp"
#include "engine/i18n.hpp"
#include "engine/version.hpp"
#include "output/atomic_file.hpp"

namespace {

// Ctrl-C or a SIGTERM: remove the temporary file of any write in progress (the target keeps its
// old content; a results store keeps every committed run: SQLite's WAL), then end with 128 + the
// signal, 130 for Ctrl-C, as a shell does.
extern "C" void on_interrupt(int signal) {
  govsim::remove_temp_files_for_signal();
  _exit(128 + signal);
}

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

std::string usage_error_message(const CLI::App* app, const CLI::Error& e) {
  std::string help = "govsim --help";
  for (const CLI::App* sub : app->get_subcommands()) help = "govsim " + sub->get_name() + " --help";
  return "govsim: error: " + govsim::printable(e.what()) + "\nRun '" + help +
         "' for more information.\n";
}

// CLI11 reports a mistyped command as "A subcommand is required", which hides the typo.
std::string unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return "";
  std::string known;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == argv[1]) return "";
    known += (known.empty() ? "" : ", ") + sub->get_name();
  }
  return "govsim: error: unknown command '" + govsim::printable(argv[1]) + "' (commands: " + known +
         ")\nRun 'govsim --help' for more information.\n";
}

// The language of messages and reports, set before anything is parsed so that every message of
// the parse speaks it: --lang zh|en anywhere on the line, else LANGUAGE, LC_ALL, LC_MESSAGES or
// LANG. A bad value is left to CLI11, which names it.
void set_language(int argc, char** argv) {
  govsim::i18n::set_language(govsim::i18n::language_from_environment());
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
    if (value == "zh" || value == "en")
      govsim::i18n::set_language(*govsim::i18n::parse_language(value));
  }
}

int run(int argc, char** argv) {
  CLI::App app{"govsim: agent-based simulator of city governance", "govsim"};
  set_language(argc, argv);
  std::string lang;
  app.add_option("--lang", lang,
                 "zh or en: the language of messages and reports (default: from LANGUAGE, "
                 "LC_ALL, LC_MESSAGES or LANG); key names and numbers stay as they are")
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();  // --lang also after the command: govsim report --lang zh ...
  app.set_version_flag("--version", std::string("govsim ") + govsim::kVersion + " (git " +
                                        govsim::git_revision() + ")");
  app.failure_message(usage_error_message);
  int exit_code = 0;
  govsim::add_commands(app, exit_code);
  if (const std::string message = unknown_command(app, argc, argv); !message.empty()) {
    std::cerr << message;
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11's own codes (105, 106, ...) mean nothing to scripts; usage mistakes are all 2.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  govsim::remember_command_line(argc, argv);
  install_interrupt_handlers();
  try {
    return run(argc, argv);
  } catch (const govsim::InputError& e) {
    std::cerr << govsim::i18n::tr("govsim: error: ") << govsim::printable(e.what()) << '\n';
    return 2;
  } catch (const std::system_error& e) {
    // Mostly files that cannot be written (disk full, permissions): the environment, not a bug.
    std::cerr << govsim::i18n::tr("govsim: error: ") << govsim::printable(e.what()) << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "govsim: internal error: " << govsim::printable(e.what()) << '\n';
    return 1;
  } catch (...) {
    std::cerr << "govsim: internal error: unknown exception\n";
    return 1;
  }
}
