// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <variant>

namespace Subscriptor::GraphQL {

struct Member;

/// A non-owning handle to a C++ object that a resolver reads (introspection sources, rows).
struct Opaque
{
    const void *pointer = nullptr;
    int tag = 0;
    bool operator==(const Opaque &other) const = default;
};

/**
 * A JSON-like value used for inputs, outputs and resolver sources: null, boolean, 64-bit
 * integer, float, string, list, ordered object, or an opaque pointer. Copies are cheap:
 * strings, lists and objects are shared.
 */
class Value final
{
public:
    enum class Kind : quint8 { Null, Bool, Int, Float, String, List, Object, Opaque };
    using List = QList<Value>;
    using Object = QList<Member>;

    Value() = default;
    Value(std::nullptr_t) { }
    Value(bool b) : m_data(b) { }
    Value(int i) : m_data(qint64(i)) { }
    Value(qint64 i) : m_data(i) { }
    Value(double d) : m_data(d) { }
    Value(const QString &s) : m_data(s) { }
    Value(QString &&s) : m_data(std::move(s)) { }
    Value(const char *) = delete; // say QStringLiteral or QString::fromUtf8
    template<typename T>
    Value(const T *) = delete; // no pointer may turn into a bool; use Opaque
    Value(List list);
    Value(Object object);
    Value(Opaque opaque) : m_data(opaque) { }

    static Value fromUtf8(QByteArrayView utf8) { return Value(QString::fromUtf8(utf8)); }

    Kind kind() const { return Kind(m_data.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInt() const { return kind() == Kind::Int; }
    bool isFloat() const { return kind() == Kind::Float; }
    bool isNumber() const { return isInt() || isFloat(); }
    bool isString() const { return kind() == Kind::String; }
    bool isList() const { return kind() == Kind::List; }
    bool isObject() const { return kind() == Kind::Object; }
    bool isOpaque() const { return kind() == Kind::Opaque; }

    bool toBool() const;
    qint64 toInt() const;
    double toDouble() const;
    QString toString() const;
    const List &toList() const;
    const Object &toObject() const;
    Opaque toOpaque() const;

    /// The member of an object value with this key, or nullptr (absent, or not an object).
    const Value *find(QByteArrayView key) const;
    /// The member's value, or null when absent.
    Value value(QByteArrayView key) const;

    bool operator==(const Value &other) const;
    bool operator!=(const Value &other) const { return !(*this == other); }

private:
    using ListPtr = std::shared_ptr<const List>;
    using ObjectPtr = std::shared_ptr<const Object>;
    // The order of alternatives is the order of Kind.
    std::variant<std::monostate, bool, qint64, double, QString, ListPtr, ObjectPtr, Opaque> m_data;
};

/// One member of an object value. Keys are UTF-8; objects keep insertion order,
/// because GraphQL results list fields in selection order (spec §7.1.1).
struct Member
{
    QByteArray key;
    Value value;
    bool operator==(const Member &other) const = default;
};

/// Builds an ordered object value; a later insert of an existing key replaces it in place.
class ObjectBuilder final
{
public:
    ObjectBuilder() = default;
    explicit ObjectBuilder(qsizetype reserve) { m_members.reserve(reserve); }
    ObjectBuilder &insert(QByteArray key, Value value);
    ObjectBuilder &append(QByteArray key, Value value); // no duplicate check
    bool contains(QByteArrayView key) const;
    qsizetype size() const { return m_members.size(); }
    Value build() { return Value(std::move(m_members)); }

private:
    Value::Object m_members;
};

} // namespace Subscriptor::GraphQL
