#include "indexer/source_pieces.h"

#include <algorithm>
#include <cstring>

#include "indexer/byte_reader.h"
#include "indexer/stream_hash.h"
#include "common/text_decode.h"

namespace newsindex {

namespace {

constexpr size_t kSniff = 8192;

// JSON Lines can be cut at newlines only when it is UTF-8 (or ASCII) text: a UTF-16/32 file
// (byte-order mark, NUL bytes) is decoded whole instead.
bool cuttable(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return false;
  auto starts = [&](std::string_view p) { return head.substr(0, p.size()) == p; };
  return !starts("\xFE\xFF") && !starts("\xFF\xFE") && !looks_binary(head);
}

class Cutter {
 public:
  Cutter(const SourcePlan& plan, const CutOptions& o, const std::function<bool(Piece&&)>& emit)
      : plan_(plan), o_(o), emit_(emit) {}

  void run() {
    std::string first;
    if (plan_.path == "-") {
      std::string all = read_stdin_bytes(o_.max_file_bytes);
      name_ = "stdin:" + stream_digest(all).substr(0, 12);
      size_ = all.size();
      in_ = memory_byte_reader(std::move(all));
    } else {
      name_ = plan_.path;
      size_ = plan_.file.size;
      in_ = open_byte_reader(plan_.path, o_.max_file_bytes);
    }
    fill(buf_, o_.chunk_bytes);
    if (buf_.empty()) throw InputError(name_, "empty file: no text to index");
    const std::string_view head = std::string_view(buf_).substr(0, kSniff);
    Format fmt = o_.format == Format::Auto ? detect_format(name_, head) : o_.format;
    if (fmt != Format::Auto && reads_by_lines(fmt, head) && cuttable(head)) lines();
    else whole();
  }

  const std::string& name() const { return name_; }

 private:
  // Reads until `buf` holds at least `want` bytes or the source ends.
  void fill(std::string& buf, size_t want) {
    while (!eof_ && buf.size() < want)
      if (in_->read(buf, std::max<size_t>(want - buf.size(), 1 << 16)) == 0) eof_ = true;
  }

  SourceRecord base_record() const {
    SourceRecord r;
    r.path = name_;
    r.size = size_;
    r.mtime_ns = plan_.file.mtime_ns;
    return r;
  }

  Piece piece(Piece::Kind kind) const {
    Piece p;
    p.kind = kind;
    p.source = name_;
    p.format = o_.format;
    p.record = base_record();
    return p;
  }

  bool emit(Piece p) {
    if (p.kind == Piece::Kind::Lines || p.kind == Piece::Kind::Whole)
      p.charge = static_cast<uint64_t>(static_cast<double>(p.text.size()) * o_.expansion);
    return emit_(std::move(p));
  }

  const SourceRecord* unchanged_candidate() const {
    const auto& prev = plan_.previous;
    return !o_.force && prev && prev->complete() ? &*prev : nullptr;
  }

  void whole() {
    while (!eof_) fill(buf_, buf_.size() + (4 << 20));
    Piece p = piece(Piece::Kind::Whole);
    p.record.hash = stream_digest(buf_);
    p.input_bytes = buf_.size();
    if (const SourceRecord* prev = unchanged_candidate(); prev && prev->hash == p.record.hash) {
      Piece t = piece(Piece::Kind::Touched);
      t.record = *prev;
      t.record.size = size_;
      t.record.mtime_ns = plan_.file.mtime_ns;
      t.record.indexed_at.clear();
      t.input_bytes = p.input_bytes;
      emit(std::move(t));
      return;
    }
    p.text = std::move(buf_);
    emit(std::move(p));
  }

  // Hashes the first `n` bytes into hash_ (reading as needed); false when the source is shorter.
  bool hash_prefix(uint64_t n) {
    while (offset_ < n) {
      fill(buf_, o_.chunk_bytes);
      if (buf_.empty()) return false;
      size_t take = static_cast<size_t>(std::min<uint64_t>(n - offset_, buf_.size()));
      hash_.update(std::string_view(buf_).substr(0, take));
      buf_.erase(0, take);
      offset_ += take;
    }
    return true;
  }

  void restart() {
    in_ = open_byte_reader(plan_.path, o_.max_file_bytes);
    buf_.clear();
    eof_ = false;
    hash_ = StreamHash();
    offset_ = lines_ = 0;
  }

  // Decides between resuming after the indexed prefix and starting over; emits Start.
  // Returns false when the content turned out unchanged (Touched was emitted).
  bool start() {
    const auto& prev = plan_.previous;
    Piece s = piece(Piece::Kind::Start);
    s.fresh = true;
    if (!o_.force && prev && prev->resumable() && plan_.path != "-") {
      if (hash_prefix(prev->indexed_bytes) && hash_.hex() == prev->prefix_hash) {
        // Same size, same prefix: unchanged unless the unterminated last line differs. (For
        // .gz files the size is the compressed one: they simply read on from the prefix.)
        if (prev->complete() && prev->size == size_ && size_ >= offset_ && size_ - offset_ <= o_.chunk_bytes) {
          StreamHash all = hash_;
          fill(buf_, static_cast<size_t>(size_ - offset_) + 1);
          all.update(buf_);
          if (eof_ && all.hex() == prev->hash) {
            Piece t = piece(Piece::Kind::Touched);
            t.record = *prev;
            t.record.mtime_ns = plan_.file.mtime_ns;
            t.record.indexed_at.clear();
            t.input_bytes = size_;
            emit(std::move(t));
            return false;
          }
        }
        s.fresh = false;
        lines_ = prev->lines;
        s.record = *prev;  // the counts go on from what is indexed
        s.record.size = size_;
        s.record.mtime_ns = plan_.file.mtime_ns;
        s.input_bytes = offset_;
      } else {
        restart();
      }
    }
    return emit(std::move(s));
  }

  void lines() {
    if (!start()) return;
    uint64_t resume_bytes = offset_, resume_lines = lines_;
    std::string resume_hash = hash_.hex();
    while (true) {
      fill(buf_, o_.chunk_bytes);
      if (buf_.empty()) break;
      // Cut after the last line end within a block; a line longer than a block goes whole.
      size_t cut = buf_.size();
      if (!eof_ || buf_.size() > o_.chunk_bytes) {
        size_t nl = buf_.rfind('\n', o_.chunk_bytes - 1);
        if (nl == std::string::npos) nl = buf_.find('\n', o_.chunk_bytes);
        if (nl != std::string::npos) {
          cut = nl + 1;
        } else if (!eof_) {  // no line end yet: read on
          fill(buf_, buf_.size() * 2);
          continue;
        }
      }
      Piece p = piece(Piece::Kind::Lines);
      p.text = buf_.substr(0, cut);
      buf_.erase(0, cut);
      p.first_line = lines_ + 1;
      p.input_bytes = cut;
      // The resume point stays at the last line end: an unterminated last line is read again.
      const size_t last_nl = p.text.rfind('\n');
      const size_t terminated = last_nl == std::string::npos ? 0 : last_nl + 1;
      hash_.update(std::string_view(p.text).substr(0, terminated));
      const auto newlines = static_cast<uint64_t>(std::count(p.text.begin(), p.text.end(), '\n'));
      if (terminated) {
        resume_bytes = offset_ + terminated;
        resume_lines = lines_ + newlines;
        resume_hash = hash_.hex();
      }
      hash_.update(std::string_view(p.text).substr(terminated));
      offset_ += cut;
      lines_ += newlines;
      set_resume(p.record, resume_bytes, resume_lines, resume_hash);
      if (!emit(std::move(p))) return;
    }
    Piece d = piece(Piece::Kind::Done);
    d.record.hash = hash_.hex();
    set_resume(d.record, resume_bytes, resume_lines, resume_hash);
    emit(std::move(d));
  }

  static void set_resume(SourceRecord& r, uint64_t bytes, uint64_t lines, const std::string& hash) {
    r.format = "jsonl";
    r.indexed_bytes = bytes;
    r.lines = lines;
    r.prefix_hash = hash;
  }

  const SourcePlan& plan_;
  const CutOptions& o_;
  const std::function<bool(Piece&&)>& emit_;
  std::string name_;
  uint64_t size_ = 0;
  std::unique_ptr<ByteReader> in_;
  std::string buf_;
  bool eof_ = false;
  StreamHash hash_;
  uint64_t offset_ = 0, lines_ = 0;  // bytes hashed and lines counted so far
};

}  // namespace

void cut_source(const SourcePlan& plan, const CutOptions& opts, const std::function<bool(Piece&&)>& emit) {
  Cutter c(plan, opts, emit);
  try {
    c.run();
  } catch (const InputError& e) {
    Piece f;
    f.kind = Piece::Kind::Failed;
    f.source = c.name().empty() ? plan.path : c.name();
    f.error = e;
    emit(std::move(f));
  }
}

}  // namespace newsindex
