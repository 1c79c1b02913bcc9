// SPDX-License-Identifier: MIT
#include "value.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace Subscriptor::GraphQL {

Value::Value(List list) : m_data(std::make_shared<const List>(std::move(list))) { }

Value::Value(Object object) : m_data(std::make_shared<const Object>(std::move(object))) { }

bool Value::toBool() const
{
    const bool *b = std::get_if<bool>(&m_data);
    return b && *b;
}

qint64 Value::toInt() const
{
    if (const qint64 *i = std::get_if<qint64>(&m_data))
        return *i;
    if (const double *d = std::get_if<double>(&m_data)) {
        // Out of range a cast is undefined behaviour: saturate instead (2^63 is exact in a double).
        constexpr double Limit = 9223372036854775808.0;
        if (!std::isfinite(*d))
            return 0;
        if (*d >= Limit)
            return std::numeric_limits<qint64>::max();
        if (*d < -Limit)
            return std::numeric_limits<qint64>::min();
        return qint64(*d);
    }
    return 0;
}

double Value::toDouble() const
{
    if (const double *d = std::get_if<double>(&m_data))
        return *d;
    if (const qint64 *i = std::get_if<qint64>(&m_data))
        return double(*i);
    return 0.0;
}

QString Value::toString() const
{
    const QString *s = std::get_if<QString>(&m_data);
    return s ? *s : QString();
}

const Value::List &Value::toList() const
{
    static const List empty;
    const ListPtr *list = std::get_if<ListPtr>(&m_data);
    return list ? **list : empty;
}

const Value::Object &Value::toObject() const
{
    static const Object empty;
    const ObjectPtr *object = std::get_if<ObjectPtr>(&m_data);
    return object ? **object : empty;
}

Opaque Value::toOpaque() const
{
    const Opaque *o = std::get_if<Opaque>(&m_data);
    return o ? *o : Opaque();
}

const Value *Value::find(QByteArrayView key) const
{
    const ObjectPtr *object = std::get_if<ObjectPtr>(&m_data);
    if (!object)
        return nullptr;
    // Sizes first: most members differ in length, and QByteArray's operator== is an out-of-line
    // call. Default resolvers look up every field of every result object here.
    for (const Member &member : **object) {
        if (member.key.size() == key.size()
            && (key.isEmpty() || std::memcmp(member.key.constData(), key.data(), size_t(key.size())) == 0)) {
            return &member.value;
        }
    }
    return nullptr;
}

Value Value::value(QByteArrayView key) const
{
    const Value *found = find(key);
    return found ? *found : Value();
}

bool Value::operator==(const Value &other) const
{
    if (kind() != other.kind()) {
        // 1 and 1.0 are the same number.
        if (isNumber() && other.isNumber())
            return toDouble() == other.toDouble();
        return false;
    }
    switch (kind()) {
    case Kind::List:
        return toList() == other.toList();
    case Kind::Object:
        return toObject() == other.toObject();
    default:
        return m_data == other.m_data;
    }
}

ObjectBuilder &ObjectBuilder::insert(QByteArray key, Value value)
{
    for (Member &member : m_members) {
        if (member.key == key) {
            member.value = std::move(value);
            return *this;
        }
    }
    return append(std::move(key), std::move(value));
}

ObjectBuilder &ObjectBuilder::append(QByteArray key, Value value)
{
    // Built in place: a Member moved into the list would cost a second move of each part. (Not
    // emplaceBack(key, value): clang before 16 has no parenthesised aggregate initialisation.)
    Member &member = m_members.emplaceBack();
    member.key = std::move(key);
    member.value = std::move(value);
    return *this;
}

bool ObjectBuilder::contains(QByteArrayView key) const
{
    for (const Member &member : m_members) {
        if (member.key == key)
            return true;
    }
    return false;
}

} // namespace Subscriptor::GraphQL
