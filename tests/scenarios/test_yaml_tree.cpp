// The YAML tree under hostile input: findings of the fuzz targets (tests/fuzz), each fed back
// through the loader as a file and expected to end in a clean InputError.
#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
#include "model/limits.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/yaml_tree.hpp"

using govsim::load_scenario;
using govsim::test::require_input_error;

namespace {

// A scenario file in the temp folder, removed again at the end of the test.
class TempScenario {
 public:
  TempScenario(const std::string& name, const std::string& text)
      : path_(std::filesystem::temp_directory_path() / ("govsim-test-" + name + ".yaml")) {
    std::ofstream out(path_, std::ios::binary);
    out << text;
  }
  ~TempScenario() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempScenario(const TempScenario&) = delete;
  TempScenario& operator=(const TempScenario&) = delete;

  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

TEST_CASE("a change key of half a million dotted parts is refused, not expanded") {
  // fuzz_loader: each part became one level of nesting, and destroying the tree overflowed the
  // stack. The file stays under the 1 MiB limit.
  std::string key = "platform";
  for (int i = 0; i < 500'000; ++i) key += ".a";
  REQUIRE(key.size() < govsim::limits::kScenarioBytes - 100);
  const TempScenario file("deep-dotted-key",
                          "changes:\n  - day: 1\n    set:\n      ? " + key + "\n      : 1\n");
  require_input_error([&] { load_scenario(file.path()); },
                      {"govsim-test-deep-dotted-key.yaml:4:", "changes[0].set.'platform.a.a.",
                       "more than 32 parts in one key path"});
}

TEST_CASE("a change key of 32 dotted parts is still read as a key path") {
  std::string key = "platform";
  for (int i = 1; i < 32; ++i) key += ".a";
  const TempScenario file("dotted-key-32",
                          "changes:\n  - day: 1\n    set:\n      " + key + ": 1\n");
  require_input_error([&] { load_scenario(file.path()); },
                      {"changes[0].set.platform.a", "unknown key"});
}

TEST_CASE("a stray comma at the top level is a syntax error, not an endless stream") {
  // fuzz_loader: yaml-cpp 0.7 never moves past it and yields empty documents forever
  // (jbeder/yaml-cpp#1040); collecting them all hung the loader and filled memory.
  const TempScenario tagged("stray-comma-tag", "!tag,3.26,0.97\nXinhe Street,Lvzhou\n");
  require_input_error([&] { load_scenario(tagged.path()); },
                      {"govsim-test-stray-comma-tag.yaml:1:5: YAML syntax error: unexpected ','"});
  const TempScenario bare("stray-comma", ",\n");
  require_input_error([&] { load_scenario(bare.path()); },
                      {"govsim-test-stray-comma.yaml:1:1: YAML syntax error: unexpected ','"});
}

TEST_CASE("a second document is still refused, even an empty one") {
  const TempScenario file("empty-second-document", "name: x\n---\n");
  require_input_error([&] { load_scenario(file.path()); },
                      {"govsim-test-empty-second-document.yaml:", "a second YAML document"});
}
