// The YAML tree under hostile input: findings of the fuzz targets (tests/fuzz), each fed back
// through the loader as a file and expected to end in a clean InputError.
#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
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
