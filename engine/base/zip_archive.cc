#include "engine/base/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>

namespace podium {
namespace {

std::string ErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

void SetError(std::string* error, std::string text) {
  if (error != nullptr) *error = std::move(text);
}

// The bytes of a zip source (the archive MakeZipArchive wrote into memory).
std::optional<std::string> SourceBytes(zip_source_t* source, std::string* error) {
  if (zip_source_open(source) < 0) {
    SetError(error, zip_error_strerror(zip_source_error(source)));
    return std::nullopt;
  }
  std::string bytes;
  char buffer[1 << 16];
  zip_int64_t n;
  while ((n = zip_source_read(source, buffer, sizeof buffer)) > 0) {
    bytes.append(buffer, static_cast<size_t>(n));
  }
  const bool ok = n == 0;
  if (!ok) SetError(error, zip_error_strerror(zip_source_error(source)));
  zip_source_close(source);
  if (!ok) return std::nullopt;
  return bytes;
}

}  // namespace

ZipArchive::ZipArchive(::zip* archive, std::vector<std::string> names)
    : archive_(archive), names_(std::move(names)) {}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

std::unique_ptr<ZipArchive> ZipArchive::Open(const std::string& path, std::string* error) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (archive == nullptr) {
    SetError(error, ErrorText(code));
    return nullptr;
  }
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  if (count < 0 || count > kMaxZipMembers) {
    SetError(error, std::to_string(count) + " members (at most " + std::to_string(kMaxZipMembers) +
                        " are read)");
    zip_discard(archive);
    return nullptr;
  }
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(count));
  for (zip_int64_t k = 0; k < count; ++k) {
    const char* name = zip_get_name(archive, static_cast<zip_uint64_t>(k), 0);
    names.push_back(name == nullptr ? "" : name);
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, std::move(names)));
}

bool ZipArchive::Has(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::optional<std::string> ZipArchive::Read(const std::string& name, std::string* error,
                                            int64_t max_bytes) const {
  max_bytes = std::min(max_bytes, kMaxZipMemberBytes);
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) {
    SetError(error, "no member named \"" + name + "\"");
    return std::nullopt;
  }
  const auto index = static_cast<zip_uint64_t>(it - names_.begin());
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0 &&
      stat.size > static_cast<zip_uint64_t>(max_bytes)) {
    SetError(error, "member \"" + name + "\" is " + std::to_string(stat.size) +
                        " bytes uncompressed (at most " + std::to_string(max_bytes) + " are read)");
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(archive_, index, 0);
  if (file == nullptr) {
    SetError(error, "member \"" + name + "\": " + zip_strerror(archive_));
    return std::nullopt;
  }
  std::string bytes;
  char buffer[1 << 16];
  zip_int64_t n;
  bool too_large = false;
  while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) {
    if (static_cast<int64_t>(bytes.size()) + n > max_bytes) {
      too_large = true;
      break;
    }
    bytes.append(buffer, static_cast<size_t>(n));
  }
  std::string reason = n < 0 ? zip_error_strerror(zip_file_get_error(file)) : "";
  zip_fclose(file);
  if (too_large) reason = "more than " + std::to_string(max_bytes) + " bytes uncompressed";
  if (!reason.empty()) {
    SetError(error, "member \"" + name + "\": " + reason);
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> MakeZipArchive(
    const std::vector<std::pair<std::string, std::string>>& members, std::string* error) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &zip_error);
  zip_t* archive =
      source == nullptr ? nullptr : zip_open_from_source(source, ZIP_TRUNCATE, &zip_error);
  if (archive == nullptr) {
    SetError(error, zip_error_strerror(&zip_error));
    zip_error_fini(&zip_error);
    zip_source_free(source);
    return std::nullopt;
  }
  zip_error_fini(&zip_error);
  zip_source_keep(source);  // the bytes are read from it after zip_close
  for (const auto& [name, bytes] : members) {
    zip_source_t* member = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (member == nullptr || zip_file_add(archive, name.c_str(), member, ZIP_FL_ENC_UTF_8) < 0) {
      SetError(error, "member \"" + name + "\": " + zip_strerror(archive));
      zip_source_free(member);
      zip_discard(archive);
      zip_source_free(source);
      return std::nullopt;
    }
  }
  if (zip_close(archive) < 0) {
    SetError(error, zip_strerror(archive));
    zip_discard(archive);
    zip_source_free(source);
    return std::nullopt;
  }
  std::optional<std::string> bytes = SourceBytes(source, error);
  zip_source_free(source);
  return bytes;
}

}  // namespace podium
