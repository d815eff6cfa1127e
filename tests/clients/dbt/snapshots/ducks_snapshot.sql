{% snapshot ducks_snapshot %}
{{ config(target_schema=target.schema, unique_key='id', strategy='check', check_cols=['weight_kg']) }}
select id, name, weight_kg from {{ ref('ducks') }}
{% endsnapshot %}
