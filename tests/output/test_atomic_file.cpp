#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "output/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(GOVSIM_BINARY_DIR) / "tests" / "cli" / "tmp" /
                       (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("an atomic write leaves exactly the target file and its content") {
  const fs::path dir = fresh_dir("atomic-new");
  const std::string content = "a,b\n1,2\n";
  govsim::write_file_atomically((dir / "x.csv").string(), content);
  CHECK(read(dir / "x.csv") == content);
  CHECK(entries(dir) == 1);  // no temporary file left beside it
  fs::remove_all(dir);
}

TEST_CASE("an atomic write replaces an existing file whole") {
  const fs::path dir = fresh_dir("atomic-replace");
  govsim::write_file_atomically((dir / "x.json").string(), std::string(10000, 'a'));
  govsim::write_file_atomically((dir / "x.json").string(), "{}\n");
  CHECK(read(dir / "x.json") == "{}\n");
  CHECK(entries(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an atomic write of empty content makes an empty file") {
  const fs::path dir = fresh_dir("atomic-empty");
  govsim::write_file_atomically((dir / "empty").string(), "");
  CHECK(fs::exists(dir / "empty"));
  CHECK(fs::file_size(dir / "empty") == 0);
  fs::remove_all(dir);
}

TEST_CASE("an atomic write into a missing directory throws and leaves nothing") {
  const fs::path dir = fresh_dir("atomic-missing");
  const fs::path target = dir / "no" / "such" / "x.csv";
  CHECK_THROWS_AS(govsim::write_file_atomically(target.string(), "x"), std::system_error);
  CHECK(entries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("an atomic write that cannot rename removes its temporary file") {
  const fs::path dir = fresh_dir("atomic-rename");
  fs::create_directories(dir / "x.csv" / "occupied");  // a non-empty directory blocks the rename
  CHECK_THROWS_AS(govsim::write_file_atomically((dir / "x.csv").string(), "x"), std::system_error);
  CHECK(entries(dir) == 1);
  fs::remove_all(dir);
}
